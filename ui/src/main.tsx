import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setLanguage } from './i18n';
import { applyTheme, prefs } from './lib/prefs';
import './styles.css';

setLanguage(prefs.language());
applyTheme();
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);
createRoot(document.getElementById('root')!).render(<App />);

// ECharts and the world map are a separate chunk so the first paint needs only the app; fetch it right
// away in parallel with the first API calls instead of when the first chart mounts.
setTimeout(() => void import('./components/charts'), 0);
