import { useId } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { renderTemplate, sampleVariables, unknownVariables } from '../saved-replies.utils.ts';

interface TemplatePreviewProps {
  template: string;
  orgName: string;
  ticketPrefix: string;
  agentName: string;
}

/** The text as a customer would receive it, with sample values; warns about {{…}} that are not variables. */
export function TemplatePreview({ template, orgName, ticketPrefix, agentName }: TemplatePreviewProps) {
  const headingId = useId();
  const unknown = unknownVariables(template);
  const sample = sampleVariables({ orgName, ticketPrefix, agentName });
  return (
    <div className="space-y-2">
      <h3 id={headingId} className="text-sm font-medium text-slate-700 dark:text-slate-200">
        Preview <span className="font-normal text-slate-600 dark:text-slate-400">for {sample['customer.name']}, ticket {sample['ticket.number']}</span>
      </h3>
      <div
        role="region"
        aria-labelledby={headingId}
        tabIndex={0}
        className="max-h-48 overflow-y-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      >
        {template.trim() ? renderTemplate(template, sample) : <span className="text-slate-600 dark:text-slate-400">The text appears here as the customer will read it.</span>}
      </div>
      {unknown.length > 0 && (
        <Alert tone="warning">
          {unknown.join(', ')} {unknown.length === 1 ? 'is not a variable' : 'are not variables'}: sent as written. Use the buttons above to insert one.
        </Alert>
      )}
    </div>
  );
}
