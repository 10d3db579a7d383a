import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { listMembers } from "~/modules/users/users.server";
import { pendingInvitationUserIds } from "~/modules/auth/account-tokens.server";
import { db } from "~/utils/db.server";
import { ROLE_LABELS } from "~/utils/permissions";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Users · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "users:manage");
  const [members, pending] = await Promise.all([listMembers(db(), actor.organisationId), pendingInvitationUserIds(db(), actor.organisationId)]);
  return {
    members: members.map((m) => ({
      id: m.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      household: m.household?.name ?? null,
      disabled: Boolean(m.disabledAt),
      invited: pending.has(m.user.id),
    })),
  };
}

export default function UsersPage() {
  const { members } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>Users and roles</h1>
        <Link className="button" to="/settings/users/new">
          Add a user
        </Link>
      </div>
      <TableWrap label="Users and roles">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  <Link to={`/settings/users/${member.id}`}>{member.name}</Link>
                </td>
                <td>{member.email}</td>
                <td>
                  {ROLE_LABELS[member.role]}
                  {member.household ? <span className="muted"> · {member.household}</span> : null}
                </td>
                <td>{member.disabled ? <span className="badge badge-danger">Disabled</span> : member.invited ? <span className="badge">Invited, not yet accepted</span> : <span className="badge badge-ok">Active</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
