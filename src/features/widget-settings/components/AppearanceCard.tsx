import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUpdateWidgetMutation } from '../api/widget-mutations.ts';
import type { Widget } from '../api/widgets-query.ts';
import { appearanceSchema, type AppearanceValues } from '../widget.schema.ts';
import { WidgetPreview } from './WidgetPreview.tsx';

const LOCALES = [
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['it', 'Italiano'],
  ['nl', 'Nederlands'],
  ['pt-BR', 'Português (Brasil)'],
  ['ja', '日本語'],
] as const;

/** Name, colour, position, texts, language and theme, with a live preview of launcher and panel. */
export function AppearanceCard({ widget }: { widget: Widget }) {
  const { org } = useCurrentOrg();
  const update = useUpdateWidgetMutation(org.id, 'Appearance saved');
  const { register, handleSubmit, formState, control } = useForm<AppearanceValues>({
    resolver: zodResolver(appearanceSchema),
    mode: 'onChange',
    defaultValues: {
      name: widget.name,
      color: widget.color,
      launcher_position: widget.launcher_position as AppearanceValues['launcher_position'],
      greeting: widget.greeting,
      away_message: widget.away_message,
      locale: widget.locale,
      theme: widget.theme as AppearanceValues['theme'],
    },
  });
  const live = useWatch({ control }) as AppearanceValues;
  const onSubmit = handleSubmit((values) => update.mutateAsync({ widgetId: widget.id, changes: values }).catch(() => undefined));
  const locales = LOCALES.some(([code]) => code === widget.locale) ? LOCALES : [[widget.locale, widget.locale] as const, ...LOCALES];

  return (
    <Card title="Appearance" description="Changes show in the preview at once and on your website once saved.">
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <form onSubmit={onSubmit} noValidate className="grid content-start gap-4 sm:grid-cols-2">
          <TextField label="Name" hint="Shown in the chat header." error={formState.errors.name?.message} {...register('name')} />
          <div className="space-y-1">
            <label htmlFor="widget-color" className={LABEL_CLASSES}>
              Colour
            </label>
            <div className="flex items-center gap-3">
              <input id="widget-color" type="color" className="h-10 w-14 cursor-pointer rounded border border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-900" {...register('color')} />
              <span className="font-mono text-sm text-slate-700 dark:text-slate-300">{live.color}</span>
            </div>
          </div>
          <fieldset className="space-y-1">
            <legend className={LABEL_CLASSES}>Launcher position</legend>
            <div className="flex gap-4 pt-1 text-sm text-slate-800 dark:text-slate-100">
              {(['left', 'right'] as const).map((side) => (
                <label key={side} className="flex items-center gap-2">
                  <input type="radio" value={side} className="accent-brand-600" {...register('launcher_position')} />
                  Bottom {side}
                </label>
              ))}
            </div>
          </fieldset>
          <SelectField label="Theme" {...register('theme')}>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="auto">Follow the visitor's system</option>
          </SelectField>
          <SelectField label="Language" hint="Visitors' browsers may choose another." error={formState.errors.locale?.message} {...register('locale')}>
            {locales.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
          <div className="sm:col-span-2">
            <TextArea label="Greeting" error={formState.errors.greeting?.message} maxLength={300} {...register('greeting')} />
          </div>
          <div className="sm:col-span-2">
            <TextArea label="Away message" hint="Shown when nobody is online or you are closed." error={formState.errors.away_message?.message} maxLength={500} {...register('away_message')} />
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={formState.isSubmitting || !formState.isDirty}>
              {formState.isSubmitting ? 'Saving…' : 'Save appearance'}
            </Button>
          </div>
        </form>
        <WidgetPreview appearance={live} orgName={org.name} />
      </div>
    </Card>
  );
}
