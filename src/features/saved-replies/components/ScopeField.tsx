import type { UseFormRegister } from 'react-hook-form';
import { Radio } from '../../../components/ui/Checkbox.tsx';
import { ChoiceSummary } from '../../../components/ui/ChoiceSummary.tsx';
import { LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import type { SavedReplyValues } from '../saved-reply.schema.ts';

const SCOPES = {
  shared: { label: 'Shared', description: 'Every agent of the organization can insert it.' },
  personal: { label: 'Personal', description: 'Only you see and insert it.' },
} as const;

/**
 * Who may use the reply: a choice for those who may write shared replies (replies.manage), otherwise
 * the one it is (`fixed`; it cannot change after creation).
 */
export function ScopeField({ register, fixed }: { register: UseFormRegister<SavedReplyValues>; fixed: keyof typeof SCOPES | null }) {
  if (fixed) return <ChoiceSummary label="Who can use it" choice={SCOPES[fixed].label} description={SCOPES[fixed].description} />;
  return (
    <fieldset>
      <legend className={LABEL_CLASSES}>Who can use it</legend>
      <div className="mt-1 space-y-2">
        {(Object.keys(SCOPES) as (keyof typeof SCOPES)[]).map((scope) => (
          <Radio key={scope} value={scope} label={SCOPES[scope].label} description={SCOPES[scope].description} {...register('scope')} />
        ))}
      </div>
    </fieldset>
  );
}
