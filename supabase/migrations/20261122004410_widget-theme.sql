/**
 * The widget's colour theme: light, dark, or following the visitor's system setting. Widget managers
 * choose it on the widget settings page; the widget reads it with the rest of its public configuration.
 */

alter table public.widgets
  -- "light", "dark", or "auto" (the visitor's prefers-color-scheme).
  add column theme text not null default 'light' check (theme in ('light', 'dark', 'auto'));
grant insert (theme), update (theme) on public.widgets to authenticated;

-- The public configuration gains the theme (a function's result columns change only by re-creating it).
drop function public.get_widget_config(text);
drop function private.widget_public_config(text);

/** The public face of a widget, plus whether someone is online and whether the organization is open now. */
create function private.widget_public_config(widget_key text)
returns table (widget_id uuid, widget_key text, name text, org_name text, color text, launcher_position text,
  greeting text, away_message text, locale text, allowed_domains text[], require_verified_identity boolean,
  prechat_fields jsonb, offline_mode boolean, csat_enabled boolean, agents_online boolean, open_now boolean, theme text)
language sql
stable
security definer
set search_path = ''
as $$
  select w.id, w.widget_key, w.name, o.name, w.color, w.launcher_position, w.greeting, w.away_message, w.locale,
         w.allowed_domains, w.require_verified_identity, w.prechat_fields, w.offline_mode, w.csat_enabled,
         private.org_has_online_agent(w.org_id), private.is_open_at(w.org_id, now()), w.theme
    from public.widgets w
    join public.organizations o on o.id = w.org_id
   where w.widget_key = widget_public_config.widget_key
$$;
grant execute on function private.widget_public_config(text) to anon, authenticated;

create function public.get_widget_config(widget_key text)
returns table (widget_id uuid, widget_key text, name text, org_name text, color text, launcher_position text,
  greeting text, away_message text, locale text, allowed_domains text[], require_verified_identity boolean,
  prechat_fields jsonb, offline_mode boolean, csat_enabled boolean, agents_online boolean, open_now boolean, theme text)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.widget_public_config(widget_key) $$;
revoke execute on function public.get_widget_config(text) from public;
grant execute on function public.get_widget_config(text) to anon, authenticated;
