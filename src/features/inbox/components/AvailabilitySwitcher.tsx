import { ChevronDown } from 'lucide-react';
import { Menu, type MenuEntry } from '../../../components/ui/Menu.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { useMyAvailabilityQuery, useSetAvailabilityMutation } from '../api/availability.ts';
import { AVAILABILITIES } from '../inbox.utils.ts';

/** Online / away / offline for chat agents: the widget shows the team as available while someone is online. */
export function AvailabilitySwitcher() {
  const canReply = useCan('conversations.reply');
  if (!canReply) return null;
  return <Switcher />;
}

function Switcher() {
  const { org } = useCurrentOrg();
  const userId = useUserId();
  const current = useMyAvailabilityQuery(org.id, userId).data;
  const change = useSetAvailabilityMutation();
  const shown = AVAILABILITIES.find((option) => option.value === current);
  const entries: MenuEntry[] = [
    { kind: 'heading', label: 'Chat availability' },
    ...AVAILABILITIES.map(
      (option): MenuEntry => ({
        kind: 'radio',
        label: option.label,
        checked: option.value === current,
        onSelect: () => change.mutate({ orgId: org.id, userId, availability: option.value }),
      }),
    ),
  ];
  return (
    <Menu
      triggerLabel={`Chat availability: ${shown?.label ?? 'loading'}. Change`}
      entries={entries}
      triggerClassName="flex items-center gap-1.5 rounded-full border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
      trigger={
        <>
          <span aria-hidden className={`h-2 w-2 rounded-full ${shown?.dot ?? 'bg-slate-300'}`} />
          {shown?.label ?? '…'}
          <ChevronDown aria-hidden className="h-3 w-3" />
        </>
      }
    />
  );
}
