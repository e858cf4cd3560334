import { Route, Routes } from 'react-router-dom';
import { NewTicketPage } from '../../features/portal/components/NewTicketPage.tsx';
import { PortalTicketPage } from '../../features/portal/components/PortalTicketPage.tsx';
import { PortalTicketsPage } from '../../features/portal/components/PortalTicketsPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

/** `/o/:slug/portal/*`: the customer portal (the caller's own tickets). */
export function PortalRoutes() {
  return (
    <Routes>
      <Route index element={<PortalTicketsPage />} />
      <Route path="new" element={<NewTicketPage />} />
      <Route path="tickets/:ref" element={<PortalTicketPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
