import { describe, expect, it } from 'vitest';
import { permissionSet } from '../lib/permissions.ts';
import { buildChecklist, nextStep } from './checklist.ts';

const owner = permissionSet(['org.manage', 'members.manage', 'members.view']);
const agent = permissionSet(['members.view']);

describe('buildChecklist', () => {
  it('gives an owner four steps, the organization already done', () => {
    const steps = buildChecklist({ teammates: 1, businessHoursSet: false, avatarUploaded: false }, owner);
    expect(steps.map((step) => [step.id, step.done])).toEqual([
      ['create-org', true],
      ['invite', false],
      ['business-hours', false],
      ['avatar', false],
    ]);
    expect(nextStep(steps)?.id).toBe('invite');
  });

  it('counts pending invitations as invited teammates', () => {
    const steps = buildChecklist({ teammates: 2, businessHoursSet: true, avatarUploaded: false }, owner);
    expect(nextStep(steps)?.id).toBe('avatar');
  });

  it('only offers an agent what they can do', () => {
    const steps = buildChecklist({ teammates: null, businessHoursSet: false, avatarUploaded: true }, agent);
    expect(steps.map((step) => step.id)).toEqual(['create-org', 'avatar']);
    expect(nextStep(steps)).toBeNull();
  });
});
