import { describe, expect, it } from 'vitest';
import { AVATAR_MAX_BYTES, avatarPath, avatarProblem } from './avatar.utils.ts';

describe('avatarProblem', () => {
  it.each([
    [{ type: 'image/png', size: 1000 }, null],
    [{ type: 'image/gif', size: AVATAR_MAX_BYTES }, null],
    [{ type: 'image/svg+xml', size: 1000 }, 'Choose a PNG, JPEG, WebP or GIF image.'],
    [{ type: '', size: 1000 }, 'Choose a PNG, JPEG, WebP or GIF image.'],
    [{ type: 'image/jpeg', size: AVATAR_MAX_BYTES + 1 }, 'Choose an image of at most 2 MB (this one is 2.0 MB).'],
    [{ type: 'image/webp', size: 3 * 1024 * 1024 }, 'Choose an image of at most 2 MB (this one is 3.0 MB).'],
    [{ type: 'image/png', size: 0 }, 'This file is empty.'],
  ])('%o → %s', (file, expected) => expect(avatarProblem(file)).toBe(expected));
});

describe('avatarPath', () => {
  it('puts the file in the user folder with an extension matching its type', () => {
    expect(avatarPath('u-1', 'image/jpeg', 36)).toBe('u-1/avatar-10.jpg');
    expect(avatarPath('u-1', 'image/png', 0)).toBe('u-1/avatar-0.png');
  });
});
