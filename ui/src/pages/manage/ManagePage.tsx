import { t } from '../../i18n';
import { match } from '../../lib/router';
import { TrackedList } from './TrackedList';
import { TrackedStats } from './TrackedStats';
import { BoardsPage } from './BoardsPage';
import { BoardView } from './BoardView';
import { READY } from './features';

// The top-level pages that are not about one website: /links, /pixels, /boards and one of each.
// One lazily loaded chunk; App.tsx hands every path under those prefixes here.

export default function ManagePage({ path }: { path: string }) {
  let m;
  if (path === '/links') return <TrackedList key="link" kind="link" />;
  if (path === '/pixels') return <TrackedList key="pixel" kind="pixel" />;
  if (path.startsWith('/boards') && !READY.boards)
    return (
      <div className="empty">
        <h2>{t('coming.title', { name: t('nav.boards') })}</h2>
        <p>{t('coming.body')}</p>
      </div>
    );
  if (path === '/boards') return <BoardsPage />;
  if ((m = match('/links/:id', path))) return <TrackedStats key={m.id} kind="link" id={m.id} />;
  if ((m = match('/pixels/:id', path))) return <TrackedStats key={m.id} kind="pixel" id={m.id} />;
  if ((m = match('/boards/:id', path))) return <BoardView key={m.id} id={m.id} />;
  return <p className="empty">{t('common.notFound')}</p>;
}
