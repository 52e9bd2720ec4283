import { t } from '../../i18n';
import { useApi } from '../../lib/cache';
import { useRange } from '../../lib/useRange';
import { boardEntity, rowsOf, widgetEntity, type Board } from '../../lib/boards';
import { DateRangePicker } from '../../components/DateRangePicker';
import { ErrorBox, Spinner } from '../../components/ui';
import { WidgetBody, widgetTitle } from './BoardWidgets';

// A board behind a share link (/share/:slug with boardId): its widgets drawn read-only with the share token,
// which reads the board and the statistics of the websites, links and pixels it names, nothing else.

export function SharedBoard({ boardId }: { boardId: string }) {
  const q = useApi<Board>(`/boards/${boardId}`);
  const board = q.data;
  const range = useRange(board ? boardEntity(board).id : undefined, board?.createdAt);
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!board) return <Spinner />;
  const rows = rowsOf(board.parameters ?? {});
  return (
    <div className="board-page shared-board">
      <div className="site-head share-head">
        <h1 className="share-name">{board.name}</h1>
        {board.description && <span className="muted">{board.description}</span>}
      </div>
      <div className="toolbar">
        <span />
        <DateRangePicker range={range} />
      </div>
      {rows.length === 0 && <p className="empty">{t('boards.noWidgets')}</p>}
      <div className="board-rows">
        {rows.map((r) => (
          <div className="board-row" key={r.id} data-testid="board-row">
            <div className="board-cols" style={{ gridTemplateColumns: `repeat(${r.columns.length}, minmax(0, 1fr))` }}>
              {r.columns.map((c) => {
                const heading = c.component ? widgetTitle(c.component) : undefined;
                return (
                  <section className="card widget" key={c.id} data-widget={c.component?.type ?? 'empty'}>
                    {heading && (
                      <div className="widget-head">
                        <h2 className="card-title">{heading}</h2>
                      </div>
                    )}
                    {c.component?.description && <p className="muted small">{c.component.description}</p>}
                    {c.component ? <WidgetBody c={c.component} entity={widgetEntity(board, c.component)} range={range} /> : null}
                  </section>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
