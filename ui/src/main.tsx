import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setLanguage } from './i18n';
import { applyTheme, prefs } from './lib/prefs';
import './styles.css';

setLanguage(prefs.language());
applyTheme();
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);
createRoot(document.getElementById('root')!).render(<App />);
