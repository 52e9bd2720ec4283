import { useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { ApiError } from '../lib/api';
import { navigate, useLocation } from '../lib/router';
import { login, verifyTwoFactor } from '../lib/session';
import { TwoFactorStep } from './manage/TwoFactorStep';

export function LoginPage() {
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(search.get('expired') ? t('login.expired') : null);
  const [busy, setBusy] = useState(false);
  // Set when the server wants a second factor: the partial token that goes with the code.
  const [partial, setPartial] = useState<string | null>(null);

  const done = () => {
    const next = search.get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/websites', { replace: true });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const second = await login(username, password);
      if (second) setPartial(second.partialToken);
      else done();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.failed') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (partial)
    return (
      <main className="login" id="main">
        <TwoFactorStep
          onCode={async (code) => {
            await verifyTwoFactor(partial, code);
            done();
          }}
          onBack={() => (setPartial(null), setPassword(''))}
        />
      </main>
    );

  return (
    <main className="login" id="main">
      <form className="card login-card" onSubmit={submit}>
        <h1>{t('login.title')}</h1>
        {error && (
          <p className="error-box" role="alert">
            {error}
          </p>
        )}
        <label>
          {t('login.username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button className="btn primary" type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
