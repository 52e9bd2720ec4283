import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import { ApiError } from '../../lib/api';
import { cleanCode } from '../../lib/otpauth';

// The login's second step when the account has two-factor login on: a six-digit code from the
// authenticator app, or one of the backup codes.

export function TwoFactorStep({ onCode, onBack }: { onCode: (c: { token: string } | { backupCode: string }) => Promise<void>; onBack: () => void }) {
  const [code, setCode] = useState('');
  const [useBackup, setUseBackup] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const token = useBackup ? null : cleanCode(code);
    if (!useBackup && !token) return setError(t('twofa.badCode'));
    setBusy(true);
    try {
      await onCode(useBackup ? { backupCode: code.trim() } : { token: token! });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('twofa.loginExpired') : err instanceof ApiError && err.status === 429 ? t('twofa.tooMany') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card login-card" onSubmit={submit}>
      <h1>{t('twofa.loginTitle')}</h1>
      <p className="muted">{useBackup ? t('twofa.loginBackupHelp') : t('twofa.loginHelp')}</p>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <label>
        {useBackup ? t('twofa.backupCode') : t('twofa.code')}
        <input
          name="code"
          key={useBackup ? 'backup' : 'totp'}
          inputMode={useBackup ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          autoFocus
        />
      </label>
      <button className="btn primary" type="submit" disabled={busy}>
        {t('twofa.verify')}
      </button>
      <div className="login-links">
        <button type="button" className="btn link small" onClick={() => (setUseBackup(!useBackup), setCode(''), setError(null))}>
          {useBackup ? t('twofa.useApp') : t('twofa.useBackup')}
        </button>
        <button type="button" className="btn link small" onClick={onBack}>
          ‹ {t('common.back')}
        </button>
      </div>
    </form>
  );
}
