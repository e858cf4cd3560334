import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../supabase/tests/helpers/env.ts';
import { orgWithMembers, type OrgFixture } from '../supabase/tests/helpers/org.ts';
import { raiseTicket, type Ticket } from '../supabase/tests/helpers/tickets.ts';
import { APP_URL } from './helpers/app-server.ts';
import { expectAccessible, navigationLabels } from './helpers/app.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signedInSession } from './helpers/session.ts';

const SHOTS = '.supabase-local/test-reports';

/**
 * An admin sets up a team (members, round robin) and a shared saved reply from the settings pages;
 * a new ticket given to the team goes to its online agent, the away one is skipped, and an agent
 * inserts the reply in a ticket's composer. Members without the permissions never see the pages.
 */
describe('team and saved-reply settings', () => {
  let browser: Browser;
  let page: Page;
  let org: OrgFixture;
  let ticket: Ticket;
  const url = (path: string) => `${APP_URL}/o/${org.slug}/${path}`;
  const signedIn = (email: string) => signedInSession(browser, email);

  beforeAll(async () => {
    browser = await launchBrowser();
    org = await orgWithMembers('e2e-teams');
    for (const [role, name] of [['admin', 'Ada Admin'], ['agent', 'Alex Agent'], ['manager', 'Morgan Manager'], ['customer', 'Casey Customer']] as const) {
      await admin().from('profiles').update({ display_name: name }).eq('id', org.members[role].userId).throwOnError();
    }
    await admin().from('memberships').update({ availability: 'away' }).eq('org_id', org.orgId).eq('user_id', org.members.manager.userId).throwOnError();
    ticket = await raiseTicket(org.members.customer, org.orgId, { subject: 'Card charged twice' });
    page = await signedIn(org.members.admin.email);
  });
  afterAll(() => browser?.close());

  it('creates a team from the empty page, and shows the name refusals readably', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByRole('heading', { name: 'No teams yet' }).waitFor();
    await expectAccessible(page, 'teams, empty');
    await page.screenshot({ path: `${SHOTS}/teams-empty.png`, fullPage: true });

    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await dialog.getByText('Name the team.').waitFor();
    await dialog.getByLabel('Name').fill('Billing');
    await dialog.getByLabel('Description (optional)').fill('Refunds and invoices');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { level: 2, name: 'Billing', exact: true }).waitFor();

    // A team created elsewhere meanwhile: the form cannot know, the database refuses the name.
    await admin().from('teams').insert({ org_id: org.orgId, name: 'Escalations' }).throwOnError();
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByRole('dialog', { name: 'New team' }).getByLabel('Name').fill('Escalations');
    await page.getByRole('dialog', { name: 'New team' }).getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('alert').filter({ hasText: 'Another team is already named “Escalations”.' }).waitFor();
    await expectAccessible(page, 'team dialog with a refusal');
    await page.screenshot({ path: `${SHOTS}/teams-dialog-error.png` });
    await page.getByRole('dialog', { name: 'New team' }).getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds agents, shows who is away, and routes a new ticket of a round-robin team to the online agent', async () => {
    const card = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Billing', exact: true }) });
    const members = card.getByRole('region', { name: 'Members of Billing' });
    for (const [name, availability] of [['Alex Agent', 'online'], ['Morgan Manager', 'away']]) {
      await members.getByLabel('Add an agent to Billing').selectOption({ label: `${name} (${availability})` });
      await members.getByRole('button', { name: 'Add to team' }).click();
      await members.getByRole('listitem').filter({ hasText: name }).waitFor();
    }
    expect(await members.getByRole('listitem').filter({ hasText: 'Morgan Manager' }).getByText('Away').count()).toBe(1);
    await card.getByRole('radio', { name: 'Round robin' }).click();
    await card.getByText('1 online agent takes the team’s new tickets').waitFor();
    await expect.poll(async () => (await admin().from('teams').select('assignment_mode').eq('name', 'Billing').eq('org_id', org.orgId).single()).data?.assignment_mode).toBe('round_robin');
    await expectAccessible(page, 'teams, configured');
    await page.screenshot({ path: `${SHOTS}/teams.png`, fullPage: true });

    await page.goto(url(`tickets/${ticket.number}`));
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Billing' });
    await expect.poll(() => page.getByLabel('Assignee', { exact: true }).inputValue()).toBe(org.members.agent.userId);
  });

  it('deletes a team after saying what becomes of its tickets', async () => {
    await page.goto(url('settings/teams'));
    await page.getByRole('button', { name: 'Delete Billing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the Billing team?' });
    await dialog.getByText('Its 1 ticket and its chats keep their status and assignee but no longer belong to a team').waitFor();
    await dialog.getByRole('button', { name: 'Delete team' }).click();
    await page.getByRole('heading', { level: 2, name: 'Billing', exact: true }).waitFor({ state: 'detached' });
    const { data } = await admin().from('tickets').select('team_id, assignee_id').eq('id', ticket.id).single();
    expect(data).toEqual({ team_id: null, assignee_id: org.members.agent.userId });
  });

  it('writes a shared saved reply with a live preview, which an agent then inserts in a ticket', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved replies', exact: true }).click();
    await page.getByRole('heading', { name: 'No saved replies yet' }).waitFor();
    await page.getByRole('button', { name: 'New reply' }).click();
    const dialog = page.getByRole('dialog', { name: 'New saved reply' });
    await dialog.getByLabel('Text', { exact: true }).fill('Hello ');
    await dialog.getByRole('button', { name: /^customer\.name/ }).click();
    await dialog.getByLabel('Text', { exact: true }).pressSequentially(', {{ticket.number}} is refunded. {{customer.email}}');
    const sampleNumber = new RegExp(`^Hello Jordan Lee, ${ticket.number.split('-')[0]}-\\d{8}-0042 is refunded\\. \\{\\{customer\\.email\\}\\}$`);
    await dialog.getByRole('region', { name: /^Preview/ }).getByText(sampleNumber).waitFor();
    await dialog.getByText('{{customer.email}} is not a variable').waitFor();
    await dialog.getByRole('button', { name: 'Create reply' }).click();
    await dialog.getByText('Give the reply a title.').waitFor();
    await expectAccessible(page, 'saved reply dialog');
    await page.screenshot({ path: `${SHOTS}/saved-reply-dialog.png` });
    await dialog.getByLabel('Title').fill('Refund done');
    await dialog.getByLabel('Text', { exact: true }).fill('Hello {{customer.name}}, {{ticket.number}} is refunded.');
    expect(await dialog.getByRole('radio', { name: /^Shared/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create reply' }).click();
    await page.getByRole('region', { name: /^Shared replies/ }).getByRole('heading', { name: 'Refund done' }).waitFor();
    await expectAccessible(page, 'saved replies');

    const agent = await signedIn(org.members.agent.email);
    await agent.goto(url('settings/saved-replies'));
    const shared = agent.getByRole('region', { name: /^Shared replies/ });
    await shared.getByRole('heading', { name: 'Refund done' }).waitFor();
    expect(await shared.getByRole('button', { name: 'Edit Refund done' }).count()).toBe(0);
    await agent.getByLabel('Search saved replies').fill('invoice');
    await shared.getByText('No shared reply matches “invoice”.').waitFor();

    await agent.goto(url(`tickets/${ticket.number}`));
    await agent.getByRole('button', { name: 'Insert a saved reply' }).click();
    await agent.getByRole('menuitem', { name: 'Refund done' }).click();
    await expect.poll(() => agent.getByRole('textbox', { name: 'Reply', exact: true }).inputValue()).toBe(`Hello Casey Customer, ${ticket.number} is refunded.`);
    await agent.context().close();
  });

  it('hides the pages from members without the permissions', async () => {
    const requester = await signedIn(org.members.requester.email);
    await requester.goto(url('settings/teams'));
    await requester.getByRole('heading', { level: 2, name: 'Escalations', exact: true }).waitFor();
    expect(await requester.getByRole('button', { name: 'New team' }).count()).toBe(0);
    expect(await requester.getByRole('radio').count()).toBe(0);
    const requesterLabels = await navigationLabels(requester);
    expect(requesterLabels).toContain('Teams');
    expect(requesterLabels).not.toContain('Saved replies');
    await requester.goto(url('settings/saved-replies'));
    await requester.getByRole('heading', { name: 'You don’t have access to saved replies' }).waitFor();
    await requester.context().close();

    const customer = await signedIn(org.members.customer.email);
    await customer.goto(url('settings/teams'));
    await customer.getByRole('heading', { name: 'You don’t have access to the teams' }).waitFor();
    const customerLabels = await navigationLabels(customer);
    expect(customerLabels).not.toContain('Teams');
    expect(customerLabels).not.toContain('Saved replies');
    await customer.context().close();
  });
});
