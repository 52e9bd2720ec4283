import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import { api } from '../../lib/api';
import { useApi } from '../../lib/cache';
import { cleanCode, groupSecret, otpauthUri } from '../../lib/otpauth';
import { useSession } from '../../lib/session';
import { CopyButton, ErrorBox, Spinner } from '../../components/ui';
import { QrCode } from './QrCode';
import type { TwoFactorSetup, TwoFactorStatus } from './types';
import './manage.css';

// Settings → Two-factor (Umami 3.3 TOTP): enable (scan the QR code or type the key, confirm with a code,
// keep the backup codes shown once) or disable (password and a code). Login then asks for a code.

/** Umami answers some 2FA failures with 200 and {error}; treat them as failures. */
async function call<T>(path: string, body: unknown): Promise<T> {
  const res = await api<T & { error?: { message?: string } }>(path, { body });
  if (res && typeof res === 'object' && 'error' in res && res.error) throw new Error(res.error.message ?? 'failed');
  return res;
}

export function TwoFactorSettings() {
  const status = useApi<TwoFactorStatus>('/2fa/status');
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [backup, setBackup] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const s = status.data;
  const start = async () => {
    setError(null);
    try {
      setSetup(await call<TwoFactorSetup>('/2fa/setup/initiate', {}));
    } catch (e) {
      setError(e);
    }
  };
  const cancel = async () => {
    setSetup(null);
    try {
      await api('/2fa/setup/cancel', { body: {} });
    } catch {
      /* nothing was enabled either way */
    }
  };
  return (
    <div className="manage settings-view">
      <section className="card">
        <h2>{t('nav.twoFactor')}</h2>
        <p className="muted">{t('twofa.intro')}</p>
        {status.error && <ErrorBox error={status.error} onRetry={status.reload} />}
        {error != null && <ErrorBox error={error} />}
        {!s && !status.error && <Spinner />}
        {s && (
          <p data-testid="twofa-status" className={s.isEnabled ? 'ok' : ''}>
            <strong>{s.isEnabled ? t('twofa.on') : t('twofa.off')}</strong>
            {s.isRequired && <span className="muted"> · {t('twofa.required')}{s.requiredReason ? ` (${s.requiredReason})` : ''}</span>}
          </p>
        )}
        {backup && <BackupCodes codes={backup} onDone={() => setBackup(null)} />}
        {s && !s.isEnabled && !setup && !backup && (
          <button className="btn primary" onClick={start}>
            {t('twofa.enable')}
          </button>
        )}
        {s && !s.isEnabled && setup && (
          <Setup
            setup={setup}
            onCancel={cancel}
            onEnabled={(codes) => {
              setSetup(null);
              setBackup(codes);
              status.reload();
            }}
          />
        )}
        {s?.isEnabled && !backup && <Disable required={s.isRequired} onDisabled={status.reload} />}
      </section>
    </div>
  );
}

function Setup({ setup, onCancel, onEnabled }: { setup: TwoFactorSetup; onCancel: () => void; onEnabled: (backupCodes: string[]) => void }) {
  const { user } = useSession();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const uri = setup.otpauthUri ?? setup.otpAuthUri ?? setup.uri ?? otpauthUri(setup.manualKey, user?.username ?? 'user');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const token = cleanCode(code);
    if (!token) return setError(new Error(t('twofa.badCode')));
    try {
      const res = await call<{ backupCodes?: string[] }>('/2fa/setup/confirm', { token });
      onEnabled(res.backupCodes ?? []);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="twofa-setup">
      <ol className="steps">
        <li>
          <p>{t('twofa.scan')}</p>
          <QrCode text={uri} label={t('twofa.qrLabel')} />
        </li>
        <li>
          <p>{t('twofa.orType')}</p>
          <div className="key-row">
            <code className="secret" data-testid="twofa-secret" data-secret={setup.manualKey}>
              {groupSecret(setup.manualKey)}
            </code>
            <CopyButton text={setup.manualKey} />
          </div>
        </li>
        <li>
          <form className="form" onSubmit={submit}>
            {error != null && <ErrorBox error={error} />}
            <label className="code-field">
              {t('twofa.code')}
              <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={9} value={code} required onChange={(e) => setCode(e.target.value)} />
            </label>
            <FormButtons onCancel={onCancel} submit={t('twofa.confirm')} />
          </form>
        </li>
      </ol>
    </div>
  );
}

function FormButtons({ onCancel, submit }: { onCancel: () => void; submit: string }) {
  return (
    <div className="form-actions start">
      <button type="submit" className="btn primary">
        {submit}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="new-key" role="status" data-testid="backup-codes">
      <h3>{t('twofa.backupTitle')}</h3>
      {codes.length > 0 && (
        <>
          <p>{t('twofa.backupHelp')}</p>
          <ul className="backup-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="key-row">
        {codes.length > 0 && <CopyButton text={codes.join('\n')} />}
        <button className="btn small" onClick={onDone}>
          {t('apiKeys.done')}
        </button>
      </div>
    </div>
  );
}

function Disable({ required, onDisabled }: { required: boolean; onDisabled: () => void }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!open)
    return (
      <button className="btn danger" onClick={() => setOpen(true)} disabled={required} title={required ? t('twofa.required') : undefined}>
        {t('twofa.disable')}
      </button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const token = cleanCode(code);
    if (!token) return setError(new Error(t('twofa.badCode')));
    try {
      await call('/2fa/disable', { password, token });
      setOpen(false);
      onDisabled();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form twofa-disable" onSubmit={submit}>
      {error != null && <ErrorBox error={error} />}
      <label>
        {t('login.password')}
        <input name="password" type="password" autoComplete="current-password" value={password} required onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label>
        {t('twofa.code')}
        <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={9} value={code} required onChange={(e) => setCode(e.target.value)} />
      </label>
      <FormButtons onCancel={() => setOpen(false)} submit={t('twofa.disable')} />
    </form>
  );
}
