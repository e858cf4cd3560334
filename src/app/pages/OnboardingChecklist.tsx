import { CheckCircle2, Circle, PartyPopper } from 'lucide-react';
import { ButtonLink } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { SkeletonRows } from '../../components/ui/Skeleton.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';
import { nextStep, type ChecklistStep } from '../checklist.ts';

/** Getting started: what is done, and one clear next action. */
export function OnboardingChecklist({ steps, loading }: { steps: ChecklistStep[]; loading: boolean }) {
  const { org } = useCurrentOrg();
  const next = nextStep(steps);
  const done = steps.filter((step) => step.done).length;
  const link = (step: ChecklistStep) => `/o/${org.slug}/${step.to}`;
  return (
    <Card title="Get started" description={`${done} of ${steps.length} done`}>
      {loading ? (
        <SkeletonRows rows={3} label="your checklist" />
      ) : (
        <>
          <ol className="space-y-3">
            {steps.map((step) => (
              <li key={step.id} className="flex gap-3">
                {step.done ? (
                  <CheckCircle2 aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-emerald-700 dark:text-emerald-400" />
                ) : (
                  <Circle aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-slate-400 dark:text-slate-500" />
                )}
                <div className="text-sm">
                  <p className={`font-medium ${step.done ? 'text-slate-600 line-through dark:text-slate-400' : 'text-slate-900 dark:text-slate-50'}`}>
                    {step.label}
                    <span className="sr-only">{step.done ? ' (done)' : ' (to do)'}</span>
                  </p>
                  <p className="text-slate-600 dark:text-slate-400">{step.description}</p>
                  {!step.done && step !== next && <TextLink to={link(step)}>
                      Do it now<span className="sr-only">: {step.label.toLowerCase()}</span>
                    </TextLink>}
                </div>
              </li>
            ))}
          </ol>
          <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
            {next ? (
              <ButtonLink to={link(next)}>Next: {next.label.toLowerCase()}</ButtonLink>
            ) : (
              <p className="flex items-center gap-2 text-sm font-medium text-emerald-800 dark:text-emerald-300">
                <PartyPopper aria-hidden className="h-5 w-5" />
                You’re all set.
              </p>
            )}
          </div>
        </>
      )}
    </Card>
  );
}
