import { useEffect, useState } from 'react';
import { t } from '../../i18n';

// A QR code drawn in the browser as SVG by qrcode-generator (no dependencies, ~20 KB), loaded only when
// the two-factor setup needs it.

export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('qrcode-generator').then(
      ({ default: qrcode }) => {
        const qr = qrcode(0, 'M');
        qr.addData(text);
        qr.make();
        if (live) setSvg(qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true }));
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return <p className="muted small">{t('twofa.qrFailed')}</p>;
  // The SVG is made here from the otpauth URI, never from server HTML.
  return <div className="qr" role="img" aria-label={label} data-testid="qr" dangerouslySetInnerHTML={svg ? { __html: svg } : undefined} />;
}
