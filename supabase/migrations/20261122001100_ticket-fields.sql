/**
 * Custom ticket fields: each organization defines its own (key, label, type, options, required);
 * tickets store the values in a jsonb object that a trigger validates against these definitions
 * (attached in the tickets migration).
 */

create table public.ticket_fields (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- Key in tickets.custom_fields, e.g. "order_number".
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  -- Label shown in forms and in error messages, e.g. "Order number".
  label text not null check (char_length(btrim(label)) between 1 and 80),
  type text not null check (type in ('text', 'number', 'select', 'date', 'checkbox')),
  -- The choices of a select field (and only of a select field).
  options text[] not null default '{}'
    check (cardinality(options) <= 100 and array_position(options, null) is null),
  -- Whether a ticket must have a value when it is created (and whenever its custom fields change).
  required boolean not null default false,
  position smallint not null default 0 check (position between 0 and 999),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, key),
  constraint ticket_fields_options_only_for_select check ((type = 'select') = (cardinality(options) > 0))
);
comment on table public.ticket_fields is 'Definitions of per-organization custom ticket fields.';

revoke all on public.ticket_fields from anon, authenticated;
grant select, insert (org_id, key, label, type, options, required, position),
  update (label, options, required, position), delete on public.ticket_fields to authenticated;
alter table public.ticket_fields enable row level security;

create trigger ticket_fields_set_updated_at before update on public.ticket_fields
  for each row execute function private.trigger_set_updated_at();
create trigger ticket_fields_audit after insert or update or delete on public.ticket_fields
  for each row execute function private.trigger_write_audit_log();

create policy "Members read their organization's ticket fields" on public.ticket_fields for select to authenticated
  using (org_id = any (array(select private.org_ids_for_user())));
create policy "Org managers define ticket fields" on public.ticket_fields for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers edit ticket fields" on public.ticket_fields for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))))
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers remove ticket fields" on public.ticket_fields for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))));

/**
 * Validates custom-field values against the organization's definitions and returns them without
 * nulls (null = no value). Unknown keys, wrong types, options outside the list and, when
 * `check_required`, missing required values are refused with the field's label.
 */
create or replace function private.validate_custom_fields(org_id uuid, fields jsonb, check_required boolean)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  cleaned jsonb := jsonb_strip_nulls(coalesce(fields, '{}'::jsonb));
  field public.ticket_fields;
  value jsonb;
  unknown text;
begin
  if jsonb_typeof(cleaned) <> 'object' then
    perform private.refuse('Custom fields must be an object keyed by field.');
  end if;
  select k into unknown from jsonb_object_keys(cleaned) k
   where not exists (select 1 from public.ticket_fields f where f.org_id = validate_custom_fields.org_id and f.key = k)
   limit 1;
  if unknown is not null then
    perform private.refuse(format('"%s" is not a custom field of this organization.', left(unknown, 40)));
  end if;
  for field in
    select * from public.ticket_fields f where f.org_id = validate_custom_fields.org_id order by f.position, f.key
  loop
    value := cleaned -> field.key;
    if value is null or value = '""'::jsonb then
      if field.required and check_required then
        perform private.refuse(format('"%s" is required.', field.label));
      end if;
      cleaned := cleaned - field.key;
      continue;
    end if;
    if field.type = 'text' and (jsonb_typeof(value) <> 'string' or char_length(value #>> '{}') > 1000) then
      perform private.refuse(format('"%s" must be text of at most 1,000 characters.', field.label));
    elsif field.type = 'number' and jsonb_typeof(value) <> 'number' then
      perform private.refuse(format('"%s" must be a number.', field.label));
    elsif field.type = 'checkbox' and jsonb_typeof(value) <> 'boolean' then
      perform private.refuse(format('"%s" must be true or false.', field.label));
    elsif field.type = 'date' and (jsonb_typeof(value) <> 'string' or value #>> '{}' !~ '^\d{4}-\d{2}-\d{2}$'
                                   or not pg_catalog.pg_input_is_valid(value #>> '{}', 'date')) then
      perform private.refuse(format('"%s" must be a date (YYYY-MM-DD).', field.label));
    elsif field.type = 'select' and (jsonb_typeof(value) <> 'string' or not (value #>> '{}') = any (field.options)) then
      perform private.refuse(format('"%s" must be one of: %s.', field.label, array_to_string(field.options, ', ')));
    end if;
  end loop;
  return cleaned;
end;
$$;
grant execute on function private.validate_custom_fields(uuid, jsonb, boolean) to authenticated, service_role;
