import { ROLES } from '../../permissions.ts';
import type { Page } from '../../store/paging.ts';
import type { Person } from '../../store/people.ts';
import { CSRF_FIELD } from '../security/csrf.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatDate, machineTime } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';

const STATUS_LABEL = { invited: 'Invited', active: 'Active', disabled: 'Disabled' } as const;

/** A password link to hand over, shown once, right after it was made. */
export const NewLink = ({ email, url }: { email: string; url: string }) => (
  <section class="card link-card" aria-labelledby="new-link-title">
    <h2 id="new-link-title">Link for {email}</h2>
    <p class="muted">Send this link to {email}. It works once, for 72 hours, and is shown only now.</p>
    <label class="visually-hidden" for="new-link">
      Link for {email}
    </label>
    <input id="new-link" type="text" readonly value={url} class="link-field" />
  </section>
);

const InviteForm = ({ csrfToken }: { csrfToken: string }) => (
  <form method="post" action="/admin/users/invite" class="card" aria-labelledby="invite-title">
    <h2 id="invite-title">Invite a person</h2>
    <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
    <div class="form-row">
      <div class="field">
        <label for="invite-email">Email</label>
        <input id="invite-email" name="email" type="email" required autocomplete="off" />
      </div>
      <div class="field">
        <label for="invite-name">Name</label>
        <input id="invite-name" name="displayName" type="text" autocomplete="off" />
      </div>
      <div class="field">
        <label for="invite-role">Role</label>
        <select id="invite-role" name="role">
          {ROLES.map((role) => (
            <option value={role} selected={role === 'marketer'}>
              {role[0]!.toUpperCase() + role.slice(1)}
            </option>
          ))}
        </select>
      </div>
    </div>
    <button class="button" type="submit">
      Create invite link
    </button>
  </form>
);

const PersonActions = ({ person, csrfToken }: { person: Person; csrfToken: string }) =>
  person.status === 'disabled' ? (
    <span class="muted">—</span>
  ) : (
    <div class="row-actions">
      <form method="post" action={`/admin/users/${person.id}/link`} hx-post={`/admin/users/${person.id}/link`} hx-target="#link-slot">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <button class="button button-secondary button-small" type="submit" aria-label={`New password link for ${person.email}`}>
          New link
        </button>
      </form>
      <form method="post" action={`/admin/users/${person.id}/disable`}>
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <button class="button button-danger button-small" type="submit" aria-label={`Disable ${person.email}`}>
          Disable
        </button>
      </form>
    </div>
  );

/** Admin → Users: the people who sign in, an invite form, and per person a new password link or disabling. */
export const UsersPage = (props: { people: Page<Person>; cursor: string | null; csrfToken: string; prefs: DisplayPrefs; selfId: number }) => (
  <>
    <InviteForm csrfToken={props.csrfToken} />
    <h2>People</h2>
    {props.people.items.length === 0 ? (
      <EmptyState title="Nobody signs in yet" hint="Invite the first person with the form above; they choose their own password." />
    ) : (
      <div class="table-wrap">
        <table class="data-table">
          <caption class="visually-hidden">People who sign in to rivalscope</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.people.items.map((person) => (
              <tr>
                <td>{person.displayName}</td>
                <td>{person.email}</td>
                <td class="capitalize">{person.role}</td>
                <td>
                  <span class={`badge badge-${person.status}`}>{STATUS_LABEL[person.status]}</span>
                </td>
                <td>
                  <time datetime={machineTime(person.createdAt)}>{formatDate(person.createdAt, props.prefs)}</time>
                </td>
                <td class="actions">{person.id === props.selfId ? <span class="muted">you</span> : <PersonActions person={person} csrfToken={props.csrfToken} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pagination
      shown={props.people.items.length}
      cursor={props.cursor}
      nextCursor={props.people.nextAfter === null ? null : String(props.people.nextAfter)}
      pageHref={(cursor) => (cursor ? `/admin/users?cursor=${encodeURIComponent(cursor)}` : '/admin/users')}
      noun="people"
    />
  </>
);
