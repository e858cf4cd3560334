import { PublicPage } from '../../components/layout/PublicPage.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import type { MyMembership } from '../../features/organizations/api/memberships-query.ts';
import { OrganizationList } from '../../features/organizations/components/OrganizationList.tsx';

/** More than one organization and none chosen yet. */
export function OrgPickerPage({ memberships }: { memberships: MyMembership[] }) {
  return (
    <PublicPage title="Choose an organization" footer={<TextLink to="/new-organization">Create another organization</TextLink>}>
      <OrganizationList memberships={memberships} />
    </PublicPage>
  );
}
