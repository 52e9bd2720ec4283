import { Component, type ReactNode } from 'react';
import { t } from '../i18n';

/** A screen that throws shows what happened and a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null; key?: string }> {
  state: { error: Error | null; key?: string } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: Error | null; key?: string }) {
    // Navigating elsewhere clears the error.
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-box" role="alert" style={{ margin: '1.5rem' }}>
        <span>{t('common.error', { message: this.state.error.message })}</span>
        <button className="btn small" onClick={() => location.reload()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
}
