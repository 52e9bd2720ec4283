import { useState, type FormEvent } from 'react';
import { t, type StringKey } from '../i18n';
import { api } from '../lib/api';
import { invalidate, useApi } from '../lib/cache';
import { Link, navigate } from '../lib/router';
import { useSession } from '../lib/session';
import { CopyButton, Empty, ErrorBox, FormActions, Modal, Pager, Spinner } from '../components/ui';
import type { Website } from './WebsitesPage';
import { TypedConfirm } from './WebsiteSettingsView';

// Settings → Teams: the teams the person belongs to, creating one (its access code is shown to pass on),
// joining one by code, and a team's page with members (add, change role, remove) and websites.

export type Team = {
  id: string;
  name: string;
  accessCode?: string;
  createdAt: string;
  _count?: { websites: number; members: number };
  teamUser?: { userId: string; role: string; user?: { id: string; username: string } }[];
};
type Member = { id: string; teamId: string; userId: string; role: string; createdAt: string; user: { id: string; username: string } };
type PageOf<T> = { data: T[]; count: number; page: number; pageSize: number };

export const TEAM_ROLES = ['team-manager', 'team-member', 'team-view-only'] as const;

export function TeamsList() {
  const { user } = useSession();
  const [page, setPage] = useState(1);
  const q = useApi<PageOf<Team>>('/me/teams', { page, pageSize: 20 });
  const [modal, setModal] = useState<'create' | 'join' | null>(null);
  return (
    <div>
      <div className="page-head">
        <h2>{t('teams.title')}</h2>
        <div className="page-actions">
          <button className="btn" onClick={() => setModal('join')}>
            {t('teams.join')}
          </button>
          {user?.role !== 'view-only' && (
            <button className="btn primary" onClick={() => setModal('create')}>
              + {t('teams.create')}
            </button>
          )}
        </div>
      </div>
      {q.error != null && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && q.data.data.length === 0 && (
        <Empty>
          <p>{t('teams.empty')}</p>
        </Empty>
      )}
      {q.data && q.data.data.length > 0 && (
        <div className="card table-wrap">
          <table className="table" data-testid="teams">
            <thead>
              <tr>
                <th>{t('teams.name')}</th>
                <th>{t('teams.owner')}</th>
                <th className="num">{t('teams.members')}</th>
                <th className="num">{t('users.websites')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.data.map((tm) => (
                <tr key={tm.id}>
                  <td className="wrap">
                    <Link to={`/settings/teams/${tm.id}`}>{tm.name}</Link>
                  </td>
                  <td>{tm.teamUser?.find((m) => m.role === 'team-owner')?.user?.username ?? ''}</td>
                  <td className="num">{tm._count?.members ?? ''}</td>
                  <td className="num">{tm._count?.websites ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={20} count={q.data.count} onPage={setPage} />
        </div>
      )}
      {modal === 'create' && <CreateTeam onClose={() => setModal(null)} />}
      {modal === 'join' && <JoinTeam onClose={() => setModal(null)} />}
    </div>
  );
}

function CreateTeam({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [created, setCreated] = useState<Team | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = await api<[Team, unknown] | Team>('/teams', { body: { name: name.trim() } });
      setCreated(Array.isArray(res) ? res[0] : res);
      invalidate('/me/teams');
    } catch (err) {
      setError(err);
    }
  };
  if (created)
    return (
      <Modal title={t('teams.created', { name: created.name })} onClose={onClose}>
        <p>{t('teams.codeHelp')}</p>
        <p>
          <code className="access-code" data-testid="access-code">
            {created.accessCode}
          </code>{' '}
          <CopyButton text={created.accessCode ?? ''} />
        </p>
        <div className="form-actions">
          <button className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
          <button className="btn primary" onClick={() => (onClose(), navigate(`/settings/teams/${created.id}`))}>
            {t('teams.open')}
          </button>
        </div>
      </Modal>
    );
  return (
    <Modal title={t('teams.create')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('teams.name')}
          <input name="teamName" value={name} maxLength={50} required onChange={(e) => setName(e.target.value)} />
        </label>
        <FormActions onCancel={onClose} submit={t('teams.create')} />
      </form>
    </Modal>
  );
}

function JoinTeam({ onClose }: { onClose: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const m = await api<{ teamId: string }>('/teams/join', { body: { accessCode: code.trim() } });
      invalidate('/me/teams');
      invalidate('/websites');
      onClose();
      navigate(`/settings/teams/${m.teamId}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={t('teams.join')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('teams.accessCode')}
          <input name="accessCode" value={code} required placeholder="team_…" autoComplete="off" onChange={(e) => setCode(e.target.value)} />
        </label>
        <FormActions onCancel={onClose} submit={t('teams.join')} />
      </form>
    </Modal>
  );
}

/** The roles a member may be given, and whether the viewer may manage members at all. */
export function canManage(myRole: string | undefined, isAdmin: boolean) {
  return isAdmin || myRole === 'team-owner' || myRole === 'team-manager';
}

export function TeamPage({ teamId }: { teamId: string }) {
  const { user } = useSession();
  const team = useApi<Team>(`/teams/${teamId}`);
  const members = useApi<PageOf<Member>>(`/teams/${teamId}/users`, { pageSize: 200 });
  const sites = useApi<PageOf<Website>>(`/teams/${teamId}/websites`, { pageSize: 200 });
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const mine = members.data?.data.find((m) => m.userId === user?.id)?.role;
  const manage = canManage(mine, !!user?.isAdmin);
  const reload = () => {
    invalidate(`/teams/${teamId}`);
    invalidate('/me/teams');
    members.reload();
  };
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      reload();
    } catch (err) {
      setError(err);
    }
  };

  if (team.error) return <ErrorBox error={team.error} onRetry={team.reload} />;
  if (!team.data) return <Spinner />;
  return (
    <div className="team-page">
      <p>
        <Link to="/settings/teams">‹ {t('teams.title')}</Link>
      </p>
      <div className="page-head">
        <h2 className="wrap">{team.data.name}</h2>
        {manage && (
          <div className="page-actions">
            <button className="btn small" onClick={() => setRenaming(true)}>
              {t('teams.rename')}
            </button>
            {(mine === 'team-owner' || user?.isAdmin) && (
              <button className="btn small danger" onClick={() => setDeleting(true)}>
                {t('teams.delete')}
              </button>
            )}
          </div>
        )}
      </div>
      {team.data.accessCode && manage && (
        <section className="card">
          <h3>{t('teams.accessCode')}</h3>
          <p className="muted">{t('teams.codeHelp')}</p>
          <code className="access-code" data-testid="access-code">
            {team.data.accessCode}
          </code>{' '}
          <CopyButton text={team.data.accessCode} />
        </section>
      )}
      {error != null && <ErrorBox error={error} />}
      <section className="card">
        <div className="page-head">
          <h3>{t('teams.members')}</h3>
          {manage && (
            <button className="btn small primary" onClick={() => setAdding(true)}>
              + {t('teams.addMember')}
            </button>
          )}
        </div>
        {members.error != null && <ErrorBox error={members.error} onRetry={members.reload} />}
        {!members.data && !members.error && <Spinner />}
        {members.data && (
          <div className="table-wrap">
            <table className="table" data-testid="members">
              <thead>
                <tr>
                  <th>{t('users.username')}</th>
                  <th>{t('users.role')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {members.data.data.map((m) => (
                  <tr key={m.id}>
                    <td className="wrap">
                      {m.user?.username} {m.userId === user?.id && <span className="muted small">({t('users.you')})</span>}
                    </td>
                    <td>
                      {manage && m.role !== 'team-owner' ? (
                        <select aria-label={t('teams.roleOf', { name: m.user?.username ?? '' })} value={m.role} onChange={(e) => act(() => api(`/teams/${teamId}/users/${m.userId}`, { body: { role: e.target.value } }))}>
                          {TEAM_ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(('teams.role.' + r) as StringKey)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        t(('teams.role.' + m.role) as StringKey)
                      )}
                    </td>
                    <td className="num">
                      {m.role !== 'team-owner' && (manage || m.userId === user?.id) && (
                        <button
                          className="btn small danger"
                          onClick={() =>
                            act(async () => {
                              await api(`/teams/${teamId}/users/${m.userId}`, { method: 'DELETE' });
                              if (m.userId === user?.id) navigate('/settings/teams');
                            })
                          }
                        >
                          {m.userId === user?.id ? t('teams.leave') : t('teams.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card">
        <h3>{t('nav.websites')}</h3>
        {sites.error != null && <ErrorBox error={sites.error} onRetry={sites.reload} />}
        {!sites.data && !sites.error && <Spinner />}
        {sites.data && sites.data.data.length === 0 && <p className="muted">{t('teams.noWebsites')}</p>}
        {manage && <MoveWebsite teamId={teamId} teamSites={sites.data?.data ?? []} onMoved={() => (invalidate('/websites'), invalidate(`/teams/${teamId}`), sites.reload(), reload())} />}
        {sites.data && sites.data.data.length > 0 && (
          <ul className="plain-list" data-testid="team-websites">
            {sites.data.data.map((w) => (
              <li key={w.id}>
                <Link to={`/websites/${w.id}`}>{w.name}</Link> <span className="muted">{w.domain}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {adding && <AddMember teamId={teamId} onClose={() => setAdding(false)} onSaved={reload} />}
      {renaming && <RenameTeam team={team.data} onClose={() => setRenaming(false)} onSaved={() => (reload(), team.reload())} />}
      {deleting && (
        <TypedConfirm
          title={t('teams.delete')}
          word={team.data.name}
          help={t('teams.deleteHelp')}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await api(`/teams/${teamId}`, { method: 'DELETE' });
            invalidate('/me/teams');
            invalidate('/websites');
            navigate('/settings/teams', { replace: true });
          }}
        />
      )}
    </div>
  );
}

function AddMember({ teamId, onClose, onSaved }: { teamId: string; onClose: () => void; onSaved: () => void }) {
  const { user } = useSession();
  const users = useApi<PageOf<{ id: string; username: string }>>(user?.isAdmin ? '/admin/users' : null, { pageSize: 200 });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<string>('team-member');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/teams/${teamId}/users`, { body: { userId: userId.trim(), role } });
      onSaved();
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={t('teams.addMember')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {users.data ? t('users.username') : t('teams.userId')}
          {users.data ? (
            <select name="userId" value={userId} required onChange={(e) => setUserId(e.target.value)}>
              <option value="">—</option>
              {users.data.data.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.username}
                </option>
              ))}
            </select>
          ) : (
            <input name="userId" value={userId} required autoComplete="off" onChange={(e) => setUserId(e.target.value)} />
          )}
        </label>
        <label>
          {t('users.role')}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
            {TEAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(('teams.role.' + r) as StringKey)}
              </option>
            ))}
          </select>
        </label>
        <FormActions onCancel={onClose} submit={t('common.add')} />
      </form>
    </Modal>
  );
}

function RenameTeam({ team, onClose, onSaved }: { team: Team; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState(team.name);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/teams/${team.id}`, { body: { name: name.trim() } });
      onSaved();
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={t('teams.rename')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('teams.name')}
          <input name="teamName" value={name} maxLength={50} required onChange={(e) => setName(e.target.value)} />
        </label>
        <FormActions onCancel={onClose} submit={t('common.save')} />
      </form>
    </Modal>
  );
}

/** Moves one of the caller's own websites into the team (POST /api/websites/:id/transfer {teamId}). */
function MoveWebsite({ teamId, teamSites, onMoved }: { teamId: string; teamSites: Website[]; onMoved: () => void }) {
  const own = useApi<PageOf<Website & { teamId?: string | null }>>('/websites', { pageSize: 200 });
  const [pick, setPick] = useState('');
  const [error, setError] = useState<unknown>(null);
  const inTeam = new Set(teamSites.map((w) => w.id));
  const candidates = (own.data?.data ?? []).filter((w) => !inTeam.has(w.id) && !w.teamId);
  if (candidates.length === 0) return null;
  return (
    <form
      className="move-site"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await api(`/websites/${pick}/transfer`, { body: { teamId } });
          setPick('');
          own.reload();
          onMoved();
        } catch (err) {
          setError(err);
        }
      }}
    >
      {error != null && <ErrorBox error={error} />}
      <select aria-label={t('teams.moveWebsite')} value={pick} onChange={(e) => setPick(e.target.value)} required>
        <option value="">{t('teams.moveWebsite')}…</option>
        {candidates.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      <button className="btn small" type="submit" disabled={!pick}>
        {t('teams.move')}
      </button>
    </form>
  );
}
