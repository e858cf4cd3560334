import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Spinner } from '../components/ui/Spinner.tsx';
import { GuestOnly } from '../features/auth/GuestOnly.tsx';
import { RequireSession } from '../features/auth/RequireSession.tsx';
import { ForgotPasswordPage } from '../features/auth/components/ForgotPasswordPage.tsx';
import { MfaChallengePage } from '../features/auth/components/MfaChallengePage.tsx';
import { ResetPasswordPage } from '../features/auth/components/ResetPasswordPage.tsx';
import { SignInPage } from '../features/auth/components/SignInPage.tsx';
import { SignUpPage } from '../features/auth/components/SignUpPage.tsx';
import { AppProviders } from './AppProviders.tsx';
import { OrgLayout } from './layout/OrgLayout.tsx';
import { requirementFor } from './navigation.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OnboardingPage } from './pages/OnboardingPage.tsx';
import { InviteRoute } from './routes/InviteRoute.tsx';
import { OrgIndexRoute } from './routes/OrgIndexRoute.tsx';
import { RequirePermission } from './routes/RequirePermission.tsx';
import { RootRedirect } from './routes/RootRedirect.tsx';

// Settings pages load on first visit: most sessions never open them.
const OrganizationSettingsPage = lazy(() => import('../features/organizations/components/OrganizationSettingsPage.tsx').then((m) => ({ default: m.OrganizationSettingsPage })));
const MembersRoute = lazy(() => import('./routes/MembersRoute.tsx').then((m) => ({ default: m.MembersRoute })));
const RolesPage = lazy(() => import('../features/roles/components/RolesPage.tsx').then((m) => ({ default: m.RolesPage })));
const AuditRoute = lazy(() => import('./routes/AuditRoute.tsx').then((m) => ({ default: m.AuditRoute })));
const ProfilePage = lazy(() => import('../features/profile/components/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));
const DashboardPage = lazy(() => import('../features/dashboard/components/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const PortalRoutes = lazy(() => import('./routes/PortalRoutes.tsx').then((m) => ({ default: m.PortalRoutes })));
const SecurityPage = lazy(() => import('../features/security/components/SecurityPage.tsx').then((m) => ({ default: m.SecurityPage })));
const TicketsRoute = lazy(() => import('./routes/TicketsRoute.tsx').then((m) => ({ default: m.TicketsRoute })));
const NewTicketRoute = lazy(() => import('./routes/TicketsRoute.tsx').then((m) => ({ default: m.NewTicketRoute })));
const InboxPage = lazy(() => import('../features/inbox/components/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const WidgetSettingsPage = lazy(() => import('../features/widget-settings/components/WidgetSettingsPage.tsx').then((m) => ({ default: m.WidgetSettingsPage })));
const TicketDetailPage = lazy(() => import('../features/ticket-detail/components/TicketDetailPage.tsx').then((m) => ({ default: m.TicketDetailPage })));
const TeamsPage = lazy(() => import('../features/teams/components/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })));
const SavedRepliesRoute = lazy(() => import('./routes/SavedRepliesRoute.tsx').then((m) => ({ default: m.SavedRepliesRoute })));

/** Pages under /o/:slug and the name used when the user's role does not allow one. */
const ORG_PAGES = [
  { path: 'settings/organization', name: 'organization settings', element: <OrganizationSettingsPage /> },
  { path: 'settings/members', name: 'Members', element: <MembersRoute /> },
  { path: 'settings/roles', name: 'Roles', element: <RolesPage /> },
  { path: 'settings/audit-log', name: 'the audit log', element: <AuditRoute /> },
  { path: 'tickets', name: 'tickets', element: <TicketsRoute /> },
  { path: 'tickets/new', name: 'new tickets', element: <NewTicketRoute /> },
  { path: 'inbox', name: 'the inbox', element: <InboxPage /> },
  { path: 'settings/widget', name: 'the chat widget settings', element: <WidgetSettingsPage /> },
  { path: 'settings/teams', name: 'the teams', element: <TeamsPage /> },
  { path: 'settings/saved-replies', name: 'saved replies', element: <SavedRepliesRoute /> },
  { path: 'dashboard', name: 'the dashboard', element: <DashboardPage /> },
  { path: 'tickets/:ticketRef', name: 'this ticket', element: <TicketDetailPage /> },
  { path: 'portal/*', name: 'the customer portal', element: <PortalRoutes /> },
  { path: 'account/profile', name: 'your profile', element: <ProfilePage /> },
  { path: 'account/security', name: 'security settings', element: <SecurityPage /> },
];

export function App() {
  return (
    <BrowserRouter>
      <AppProviders>
        <Routes>
          <Route path="/sign-in" element={<GuestOnly><SignInPage /></GuestOnly>} />
          <Route path="/sign-up" element={<GuestOnly><SignUpPage /></GuestOnly>} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/mfa" element={<MfaChallengePage />} />
          <Route path="/invite/:token?" element={<InviteRoute />} />
          <Route path="/" element={<RequireSession><RootRedirect /></RequireSession>} />
          <Route path="/new-organization" element={<RequireSession><OnboardingPage /></RequireSession>} />
          <Route path="/o/:slug" element={<RequireSession><OrgLayout /></RequireSession>}>
            <Route index element={<OrgIndexRoute />} />
            {ORG_PAGES.map(({ path, name, element }) => (
              <Route key={path} path={path} element={<RequirePermission requires={requirementFor(path.replace(/\/\*$/, ''))} page={name}>
                    <Suspense fallback={<Spinner label="Loading the page" />}>{element}</Suspense>
                  </RequirePermission>} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AppProviders>
    </BrowserRouter>
  );
}
