import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../supabase/tests/helpers/env.ts';
import { expectAccessible, invitationLink, navigationLabels, newSession, signUpAndConfirm } from './helpers/app.ts';
import { APP_URL } from './helpers/app-server.ts';
import { launchBrowser } from './helpers/browser.ts';

/**
 * A founder signs up, creates an organization and invites an agent; the agent joins from the email
 * and sees the agent's navigation. The owner then demotes the agent to customer, and the agent's
 * next navigation is refused without signing in again.
 */
describe('team onboarding', () => {
  let browser: Browser;
  let owner: Page;
  let agent: Page;
  const ownerEmail = uniqueEmail('e2e-owner');
  const agentEmail = uniqueEmail('e2e-agent');
  const orgName = `Journey ${Date.now().toString(36)}`;
  let invitedAt = new Date();

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await newSession(browser);
    agent = await newSession(browser);
  });
  afterAll(() => browser?.close());

  it('signs the founder up through the inbox and creates the organization', async () => {
    await owner.goto(`${APP_URL}/sign-up`);
    await expectAccessible(owner, 'sign up');
    await signUpAndConfirm(owner, { name: 'Fay Founder', email: ownerEmail, password: PASSWORD });

    await owner.getByRole('heading', { name: 'Create your organization' }).waitFor({ timeout: 10_000 });
    await expectAccessible(owner, 'onboarding');
    await owner.getByLabel('Organization name').fill(orgName);
    expect(await owner.getByLabel('Address').inputValue()).toBe(orgName.toLowerCase().replace(' ', '-'));
    await owner.getByRole('button', { name: 'Create organization' }).click();
    await owner.getByRole('heading', { name: 'Welcome, Fay' }).waitFor({ timeout: 10_000 });
    await owner.getByRole('link', { name: 'Next: invite a teammate' }).waitFor();
    await expectAccessible(owner, 'home');
  });

  it('invites an agent by email', async () => {
    invitedAt = new Date(Date.now() - 1000);
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await owner.getByRole('button', { name: 'Invite people' }).click();
    await expectAccessible(owner, 'invite dialog');
    await owner.getByLabel('Email address').fill(agentEmail);
    expect(await owner.getByLabel('Role').locator('option:checked').textContent()).toBe('Agent');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(`Invitation sent to ${agentEmail}`).waitFor({ timeout: 15_000 });
    await owner.getByRole('main').getByRole('listitem').filter({ hasText: agentEmail }).waitFor();
    await expectAccessible(owner, 'members with a pending invitation');
  });

  it('lets the agent sign up from the invitation email and join with the agent navigation', async () => {
    await agent.goto(await invitationLink(agentEmail, invitedAt));
    // Before signing in, the link already names the organization and the role (the token is the secret).
    await agent.getByRole('heading', { name: `Join ${orgName}` }).waitFor();
    expect(await agent.getByText('You are invited as Agent').count()).toBe(1);
    await expectAccessible(agent, 'invitation, signed out');
    await agent.getByRole('link', { name: 'Create an account' }).click();
    await signUpAndConfirm(agent, { name: 'Ari Newagent', email: agentEmail, password: PASSWORD });

    await agent.getByRole('heading', { name: `Join ${orgName}` }).waitFor({ timeout: 10_000 });
    expect(await agent.getByText('Role: Agent').count()).toBe(1);
    await expectAccessible(agent, 'invitation, signed in');
    await agent.getByRole('button', { name: `Join ${orgName}` }).click();
    await agent.getByRole('heading', { name: 'Welcome, Ari' }).waitFor({ timeout: 10_000 });
    expect(await navigationLabels(agent)).toEqual(['Home', 'Inbox', 'Tickets', 'Members', 'Teams', 'Saved replies', 'Profile', 'Security']);
    await expectAccessible(agent, 'agent home');
  });

  it('applies a demotion to the agent’s next request, without signing in again', async () => {
    await owner.reload();
    const roleSelect = owner.getByLabel('Role of Ari Newagent');
    await roleSelect.waitFor();
    await roleSelect.selectOption({ label: 'Customer' });
    await owner.getByText('Role changed').waitFor();

    await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await agent.getByRole('heading', { name: 'You don’t have access to Members' }).waitFor({ timeout: 10_000 });
    expect(await navigationLabels(agent)).toEqual(['Home', 'Your tickets', 'Profile', 'Security']);
    await expectAccessible(agent, 'no access');
  });
});
