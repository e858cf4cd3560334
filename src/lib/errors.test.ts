import { describe, expect, it } from 'vitest';
import { AppError, functionError, toAppError, unwrap } from './errors.ts';

describe('toAppError', () => {
  it.each([
    [{ code: 'P0001', message: 'You cannot raise your own role.', hint: '' }, 'You cannot raise your own role.', undefined],
    [{ code: 'P0001', message: 'An organization needs at least one owner.', hint: 'Make someone else an owner first.' }, 'An organization needs at least one owner.', 'Make someone else an owner first.'],
    [{ code: '42501', message: 'new row violates row-level security policy' }, 'You do not have permission to do that.', undefined],
    [{ code: 'XX000', message: 'boom' }, 'boom', undefined],
    [new TypeError('Failed to fetch'), 'The server could not be reached. Check your connection and try again.', undefined],
    [{}, 'Something went wrong. Try again.', undefined],
  ])('describes %o', (input, message, hint) => {
    const error = toAppError(input);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });

  it('keeps the code for callers that special-case it', () => {
    expect(toAppError({ code: '23505', message: 'duplicate' }).code).toBe('23505');
  });
});

describe('unwrap', () => {
  it('returns data or throws an AppError', () => {
    expect(unwrap({ data: 1, error: null })).toBe(1);
    expect(() => unwrap({ data: null, error: { code: 'P0001', message: 'No.' } })).toThrow(AppError);
  });
});

describe('functionError', () => {
  it('reads the function body {code, message}', async () => {
    const context = new Response(JSON.stringify({ code: 'invitation_refused', message: 'This person is already a member.' }), { status: 403 });
    const error = await functionError({ name: 'FunctionsHttpError', context });
    expect(error.message).toBe('This person is already a member.');
    expect(error.code).toBe('invitation_refused');
  });
});
