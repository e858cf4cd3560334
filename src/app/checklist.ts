import type { PermissionSet } from '../lib/permissions.ts';

export interface ChecklistFacts {
  /** Members plus pending invitations, or null while unknown. */
  teammates: number | null;
  businessHoursSet: boolean;
  avatarUploaded: boolean | null;
}

export interface ChecklistStep {
  id: 'create-org' | 'invite' | 'business-hours' | 'avatar';
  label: string;
  description: string;
  done: boolean;
  /** Relative to /o/:slug. */
  to: string;
}

/** The getting-started steps this user can act on, in order. */
export function buildChecklist(facts: ChecklistFacts, permissions: PermissionSet): ChecklistStep[] {
  const steps: (ChecklistStep | false)[] = [
    { id: 'create-org', label: 'Create your organization', description: 'Your support desk exists.', done: true, to: 'settings/organization' },
    permissions.has('members.manage') && {
      id: 'invite',
      label: 'Invite a teammate',
      description: 'Support is a team sport: invite the people who answer your customers.',
      done: (facts.teammates ?? 0) > 1,
      to: 'settings/members',
    },
    permissions.has('org.manage') && {
      id: 'business-hours',
      label: 'Set your business hours',
      description: 'Customers see when you are open, and SLA clocks pause when you are closed.',
      done: facts.businessHoursSet,
      to: 'settings/organization',
    },
    {
      id: 'avatar',
      label: 'Upload an avatar',
      description: 'A face makes replies feel personal.',
      done: facts.avatarUploaded === true,
      to: 'account/profile',
    },
  ];
  return steps.filter((step): step is ChecklistStep => step !== false);
}

/** The first step not done yet: the one to suggest. */
export function nextStep(steps: ChecklistStep[]): ChecklistStep | null {
  return steps.find((step) => !step.done) ?? null;
}
