import { useState, type FormEvent } from 'react';
import { LANGUAGES, setLanguage, t, type StringKey } from '../i18n';
import { api } from '../lib/api';
import { invalidate, useApi } from '../lib/cache';
import { browserTimeZone, RANGES } from '../lib/dates';
import { prefs, type Theme } from '../lib/prefs';
import { Link } from '../lib/router';
import { loadConfig, useSession } from '../lib/session';
import { Empty, ErrorBox, FormActions, Modal, Pager, Spinner } from '../components/ui';
import { TeamPage, TeamsList } from './TeamsSettings';
import { ShareLinksSettings } from './ShareLinksSettings';
import { ApiKeysSettings } from './manage/ApiKeysSettings';
import { TwoFactorSettings } from './manage/TwoFactorSettings';
import { READY } from './manage/features';

const SECTIONS: { id: string; label: StringKey; ready: boolean; admin?: boolean }[] = [
  { id: 'profile', label: 'nav.profile', ready: true },
  { id: 'users', label: 'nav.users', ready: true, admin: true },
  { id: 'teams', label: 'nav.teams', ready: true },
  { id: 'shares', label: 'nav.shares', ready: true },
  { id: 'api-keys', label: 'nav.apiKeys', ready: READY.apiKeys },
  { id: 'two-factor', label: 'nav.twoFactor', ready: READY.twoFactor },
  { id: 'reports', label: 'nav.reports', ready: false },
];

export default function SettingsPage({ section, sub }: { section: string; sub?: string }) {
  const { user } = useSession();
  const visible = SECTIONS.filter((s) => !s.admin || user?.isAdmin);
  const current = visible.find((s) => s.id === section);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('nav.settings')}</h1>
      </div>
      <nav className="settings-nav" aria-label={t('nav.settings')}>
        {visible.map((s) => (
          <Link key={s.id} to={`/settings/${s.id}`} aria-current={s.id === section ? 'page' : undefined} className={s.ready ? '' : 'coming'}>
            {t(s.label)}
            {!s.ready && ` (${t('nav.coming')})`}
          </Link>
        ))}
      </nav>
      {!current && <Empty>{t('common.notFound')}</Empty>}
      {current?.id === 'profile' && <Profile />}
      {current?.id === 'users' && <Users />}
      {current?.id === 'shares' && <ShareLinksSettings />}
      {current?.id === 'api-keys' && current.ready && <ApiKeysSettings />}
      {current?.id === 'two-factor' && current.ready && <TwoFactorSettings />}
      {current?.id === 'teams' && (sub ? <TeamPage key={sub} teamId={sub} /> : <TeamsList />)}
      {current && !current.ready && (
        <Empty>
          <h2>{t('coming.title', { name: t(current.label) })}</h2>
          <p>{t('coming.body')}</p>
        </Empty>
      )}
    </div>
  );
}

function Profile() {
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [theme, setTheme] = useState<Theme>(prefs.theme());
  const [tz, setTz] = useState(prefs.savedTimeZone() ?? '');
  const [range, setRange] = useState(prefs.defaultRange());
  const [lang, setLang] = useState(prefs.language());
  const zones = (() => {
    try {
      return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
    } catch {
      return ['UTC'];
    }
  })();

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setMsg(null);
    setError(null);
    if (next !== again) return setError(new Error(t('settings.passwordMismatch')));
    if (next.length < 8) return setError(new Error(t('settings.passwordShort')));
    try {
      await api('/me/password', { body: { currentPassword: current, newPassword: next } });
      setMsg(t('settings.passwordChanged'));
      setCurrent('');
      setNext('');
      setAgain('');
      loadConfig();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="settings-view">
      <section className="card">
        <h2>
          {t('nav.profile')}: {user?.username} <span className="muted small">({t(('users.role.' + user?.role) as StringKey)})</span>
        </h2>
        <h2>{t('settings.password')}</h2>
        <form className="form" onSubmit={change}>
          {error != null && <ErrorBox error={error} />}
          {msg && (
            <p className="ok" role="status">
              {msg}
            </p>
          )}
          <label>
            {t('settings.currentPassword')}
            <input name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
          </label>
          <label>
            {t('settings.newPassword')}
            <input name="newPassword" type="password" autoComplete="new-password" minLength={8} value={next} onChange={(e) => setNext(e.target.value)} required />
          </label>
          <label>
            {t('settings.confirmPassword')}
            <input name="confirmPassword" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
          </label>
          <div className="form-actions">
            <button className="btn primary" type="submit">
              {t('settings.password')}
            </button>
          </div>
        </form>
      </section>
      <section className="card">
        <h2>{t('settings.preferences')}</h2>
        <p className="muted small">{t('settings.preferencesNote')}</p>
        <div className="form">
          <label>
            {t('settings.theme')}
            <select value={theme} onChange={(e) => (setTheme(e.target.value as Theme), prefs.setTheme(e.target.value as Theme))}>
              {(['system', 'light', 'dark'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(('settings.theme.' + x) as StringKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settings.language')}
            <select value={lang} onChange={(e) => (setLang(e.target.value), prefs.setLanguage(e.target.value), setLanguage(e.target.value))}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {new Intl.DisplayNames([l], { type: 'language' }).of(l)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settings.timezone')}
            <select value={tz} onChange={(e) => (setTz(e.target.value), prefs.setTimeZone(e.target.value || null))}>
              <option value="">{t('settings.timezoneBrowser', { tz: browserTimeZone() })}</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settings.defaultRange')}
            <select value={range} onChange={(e) => (setRange(e.target.value), prefs.setDefaultRange(e.target.value))}>
              {RANGES.filter((r) => r !== 'custom').map((r) => (
                <option key={r} value={r}>
                  {t(('range.' + r) as StringKey)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
    </div>
  );
}

type UserRow = { id: string; username: string; role: string; createdAt: string; _count?: { websites: number } };

function Users() {
  const { user: me } = useSession();
  const [page, setPage] = useState(1);
  const q = useApi<{ data: UserRow[]; count: number; pageSize: number }>('/admin/users', { page, pageSize: 20 });
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<UserRow | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <div>
      <div className="page-head">
        <h2>{t('users.title')}</h2>
        <button className="btn primary" onClick={() => setEditing('new')}>
          + {t('users.add')}
        </button>
      </div>
      {(q.error != null || error != null) && <ErrorBox error={q.error ?? error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && (
        <div className="card table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('users.username')}</th>
                <th>{t('users.role')}</th>
                <th className="num">{t('users.websites')}</th>
                <th>{t('users.created')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {q.data.data.map((u) => (
                <tr key={u.id}>
                  <td className="wrap">
                    {u.username} {u.id === me?.id && <span className="muted small">({t('users.you')})</span>}
                  </td>
                  <td>{t(('users.role.' + u.role) as StringKey)}</td>
                  <td className="num">{u._count?.websites ?? 0}</td>
                  <td>{new Date(u.createdAt).toLocaleDateString()}</td>
                  <td className="num">
                    <button className="btn small" onClick={() => setEditing(u)}>
                      {t('common.edit')}
                    </button>{' '}
                    {u.id !== me?.id && (
                      <button className="btn small danger" onClick={() => setDeleting(u)}>
                        {t('common.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={20} count={q.data.count} onPage={setPage} />
        </div>
      )}
      {editing && <UserForm user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (invalidate('/admin/users'), q.reload())} />}
      {deleting && (
        <Modal title={t('common.delete')} onClose={() => setDeleting(null)}>
          <p>{t('users.deleteConfirm', { name: deleting.username })}</p>
          <div className="form-actions">
            <button className="btn" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </button>
            <button
              className="btn danger"
              onClick={async () => {
                try {
                  await api(`/users/${deleting.id}`, { method: 'DELETE' });
                  invalidate('/admin/users');
                  q.reload();
                } catch (e) {
                  setError(e);
                }
                setDeleting(null);
              }}
            >
              {t('common.delete')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}

function UserForm({ user, onClose, onSaved }: { user: UserRow | null; onClose: () => void; onSaved: () => void }) {
  const [username, setUsername] = useState(user?.username ?? '');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState(user?.role ?? 'user');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const body: Record<string, string> = { username, role };
      if (password) body.password = password;
      await api(user ? `/users/${user.id}` : '/users', { body });
      onSaved();
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={user ? `${t('common.edit')}: ${user.username}` : t('users.add')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('users.username')}
          <input name="username" value={username} maxLength={255} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="new-password" minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} required={!user} />
        </label>
        <label>
          {t('users.role')}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
            {['admin', 'user', 'view-only'].map((r) => (
              <option key={r} value={r}>
                {t(('users.role.' + r) as StringKey)}
              </option>
            ))}
          </select>
        </label>
        <FormActions onCancel={onClose} submit={t('common.save')} />
      </form>
    </Modal>
  );
}
