import { useEffect, useState, type ReactNode } from 'react';
import { t, type StringKey } from '../i18n';
import { Link, useLocation } from '../lib/router';
import { logout, useSession } from '../lib/session';
import { applyTheme, isDark, prefs } from '../lib/prefs';

/** Top-level pages for links, pixels and boards (pages/manage/). */
const MANAGE_NAV: [string, StringKey][] = [
  ['/links', 'nav.links'],
  ['/pixels', 'nav.pixels'],
  ['/boards', 'nav.boards'],
];

export function Layout({ children }: { children: ReactNode }) {
  const { user, config } = useSession();
  const { path } = useLocation();
  const [, setDark] = useState(isDark());
  useEffect(() => {
    const f = () => setDark(isDark());
    window.addEventListener('footfall-theme', f);
    return () => window.removeEventListener('footfall-theme', f);
  }, []);
  const toggleTheme = () => {
    prefs.setTheme(isDark() ? 'light' : 'dark');
    applyTheme();
  };
  return (
    <div className="app">
      <a href="#main" className="skip">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/websites" className="brand" aria-label={t('appName')}>
          <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="var(--accent)" />
            <path d="M9 23V9h12v3h-8.5v3H19v3h-6.5v5z" fill="#fff" />
          </svg>
          <span>{t('appName')}</span>
        </Link>
        <nav className="topnav" aria-label="main">
          <Link to="/websites" aria-current={path.startsWith('/websites') ? 'page' : undefined}>
            {t('nav.websites')}
          </Link>
          {MANAGE_NAV.map(([to, label]) => (
            <Link key={to} to={to} aria-current={path.startsWith(to) ? 'page' : undefined}>
              {t(label)}
            </Link>
          ))}
          <Link to="/settings/profile" aria-current={path.startsWith('/settings') ? 'page' : undefined}>
            {t('nav.settings')}
          </Link>
        </nav>
        <div className="topbar-end">
          <button className="icon-btn" onClick={toggleTheme} aria-label={t('theme.toggle')} title={t('theme.toggle')}>
            {isDark() ? '☀' : '☾'}
          </button>
          <span className="username" title={user?.role}>
            {user?.username}
          </span>
          <button className="btn small" onClick={logout}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      {config?.defaultPassword && (
        <div className="banner" role="alert">
          {t('banner.defaultPassword')} <Link to="/settings/profile">{t('banner.changeNow')}</Link>
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        Footfall · IP geolocation by <a href="https://db-ip.com">DB-IP</a> (
        <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)
      </footer>
    </div>
  );
}
