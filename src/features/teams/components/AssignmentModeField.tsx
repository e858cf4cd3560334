import { useState } from 'react';
import { toast } from 'sonner';
import { Radio } from '../../../components/ui/Checkbox.tsx';
import { ChoiceSummary } from '../../../components/ui/ChoiceSummary.tsx';
import { LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useAssignmentModeMutation } from '../api/team-mutations.ts';
import { ASSIGNMENT_MODE_ORDER, ASSIGNMENT_MODES, type AssignmentMode, type Team } from '../teams.utils.ts';

const LEGEND = 'Assignment of new tickets';

/** How the team's new tickets find an agent: one choice per mode with what it does; saved at once. */
export function AssignmentModeField({ team, canManage }: { team: Team; canManage: boolean }) {
  const { org } = useCurrentOrg();
  const change = useAssignmentModeMutation(org.id);
  // The choice shows at once (a controlled radio would flick back until the cache update lands).
  const [chosen, setChosen] = useState<AssignmentMode | null>(null);
  const shown = chosen ?? team.assignmentMode;
  const current = ASSIGNMENT_MODES[team.assignmentMode];
  const choose = (mode: AssignmentMode) => {
    setChosen(mode);
    change.mutate(
      { teamId: team.id, mode },
      {
        onSuccess: () => toast.success(`${team.name}: ${ASSIGNMENT_MODES[mode].label.toLowerCase()} assignment`),
        onSettled: () => setChosen((latest) => (latest === mode ? null : latest)),
      },
    );
  };

  if (!canManage) return <ChoiceSummary label={LEGEND} choice={current.label} description={current.explanation} />;

  return (
    <fieldset>
      <legend className={LABEL_CLASSES}>{LEGEND}</legend>
      <div className="mt-2 grid gap-2 md:grid-cols-3">
        {ASSIGNMENT_MODE_ORDER.map((mode) => (
          <div
            key={mode}
            className={`rounded-md border p-3 ${shown === mode ? 'border-brand-600 bg-brand-50 dark:border-brand-400 dark:bg-slate-800' : 'border-slate-300 dark:border-slate-700'}`}
          >
            <Radio
              name={`mode-${team.id}`}
              value={mode}
              checked={shown === mode}
              label={ASSIGNMENT_MODES[mode].label}
              description={ASSIGNMENT_MODES[mode].explanation}
              onChange={() => choose(mode)}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
