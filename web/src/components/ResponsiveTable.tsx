import { Button, Empty, Pagination, Spin, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type Key, type KeyboardEvent, type MouseEventHandler, type ReactNode, useState } from 'react';
import { usePhone } from './use-phone';

/**
 * A column may say how it shows on a phone card: `mobile: 'title'` is the card's heading (the tap target: usually the
 * column holding the record's link), `mobile: true` one of the two or three facts that matter, `mobile: false` never.
 * The column titled 操作 (the row's actions) always closes the card. Without any marks, the first column is the
 * heading and the next three the facts.
 */
export type MobileMark = 'title' | boolean;

type AnyColumn<T> = ColumnType<T> & { mobile?: MobileMark; children?: AnyColumn<T>[] };

/** A table's columns, each of which may carry its `mobile` mark. */
export type ResponsiveColumns<T> = NonNullable<TableProps<T>['columns']>[number] extends infer C
  ? (C & { mobile?: MobileMark })[]
  : never;

export type ResponsiveTableProps<T> = Omit<TableProps<T>, 'columns'> & {
  columns?: ResponsiveColumns<T>;
  /** A phone card of one's own for a row, instead of the one made from the marked columns. */
  card?: (record: T, index: number) => ReactNode;
};

const ACTIONS = '操作';

function leafColumns<T>(columns: readonly AnyColumn<T>[]): AnyColumn<T>[] {
  return columns.flatMap((c) => (c.children?.length ? leafColumns(c.children) : [c]));
}

function fieldOf<T>(record: T, dataIndex: ColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let v: unknown = record;
  for (const k of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[k as string | number];
  return v;
}

function cell<T>(col: AnyColumn<T>, record: T, index: number): ReactNode {
  const v = fieldOf(record, col.dataIndex);
  if (col.render) {
    const out = col.render(v, record, index) as unknown;
    // antd's legacy `{ children, props }` render result.
    if (out && typeof out === 'object' && 'children' in out && 'props' in out && !('$$typeof' in out)) {
      return (out as { children: ReactNode }).children;
    }
    return out as ReactNode;
  }
  return v === null || v === undefined ? '' : (v as ReactNode);
}

function titleText(title: ColumnType<unknown>['title']): ReactNode {
  return typeof title === 'function' ? null : (title as ReactNode);
}

/** Which columns make the heading, the facts and the actions of a phone card. */
function cardColumns<T>(columns: readonly AnyColumn<T>[]) {
  const leaves = leafColumns(columns).filter((c) => !c.hidden);
  const actions = leaves.find((c) => c.title === ACTIONS && c.mobile === undefined);
  const rest = leaves.filter((c) => c !== actions && c.mobile !== false);
  const marked = rest.some((c) => c.mobile !== undefined);
  const title = marked ? rest.find((c) => c.mobile === 'title') : rest[0];
  const facts = marked ? rest.filter((c) => c.mobile === true) : rest.filter((c) => c !== title).slice(0, 3);
  return { title, facts, actions };
}

function rowKeyOf<T>(rowKey: TableProps<T>['rowKey'], record: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(record, index);
  if (typeof rowKey === 'string') return fieldOf(record, rowKey) as Key;
  const key = (record as { key?: Key }).key;
  return key ?? index;
}

/**
 * A table on a computer, a list of cards on a phone (below 768 px): the same props as antd's Table, so a list page
 * switches by changing the import. The card shows the heading column (with its link: the tap target), two or three
 * facts with their column titles, and the row's actions; pagination, loading, the empty text, the table's title and
 * footer and an expandable row (behind 详情) carry over. Row selection stays a computer feature.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const phone = usePhone();
  if (!phone) {
    const { card: _card, columns, ...tableProps } = props;
    return <Table<T> {...tableProps} columns={columns as TableProps<T>['columns']} />;
  }
  return <CardList<T> {...props} />;
}

function CardList<T extends object>(props: ResponsiveTableProps<T>) {
  const { columns = [], dataSource = [], pagination, loading, rowKey, card, onRow, expandable, locale } = props;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [open, setOpen] = useState<Set<Key>>(new Set());
  const parts = cardColumns(columns as unknown as AnyColumn<T>[]);
  const rows = dataSource as readonly T[];

  // Server-side paging passes `current` and `total`; otherwise the cards page the data they were given.
  const paging = pagination === false ? undefined : (pagination ?? {});
  const serverSide = paging?.total !== undefined && paging.current !== undefined;
  const size = paging?.pageSize ?? pageSize;
  const current = serverSide ? (paging?.current ?? 1) : page;
  const shown = !paging || serverSide ? rows : rows.slice((current - 1) * size, current * size);
  const total = serverSide ? (paging?.total ?? 0) : rows.length;
  const spinning = typeof loading === 'object' ? !!loading.spinning : !!loading;

  const changePage = (p: number, s: number) => {
    if (!serverSide) {
      setPage(p);
      setPageSize(s);
    }
    paging?.onChange?.(p, s);
    props.onChange?.({ current: p, pageSize: s }, {}, [], { action: 'paginate', currentDataSource: [...rows] });
  };

  const cardOf = (record: T, index: number) => {
    if (card) return card(record, index);
    const key = rowKeyOf(rowKey, record, index);
    const expandableHere = expandable?.expandedRowRender && (expandable.rowExpandable?.(record) ?? true);
    const isOpen = open.has(key);
    return (
      <>
        {parts.title && <div className="sx-card-row-title">{cell(parts.title, record, index)}</div>}
        {parts.facts.map((c, i) => (
          <div className="sx-card-row-fact" key={String(c.key ?? c.dataIndex ?? i)}>
            {titleText(c.title as ColumnType<unknown>['title']) && (
              <span className="sx-card-row-label">{titleText(c.title as ColumnType<unknown>['title'])}</span>
            )}
            <span className="sx-card-row-value">{cell(c, record, index)}</span>
          </div>
        ))}
        {(parts.actions || expandableHere) && (
          <div className="sx-card-row-actions">
            {parts.actions && cell(parts.actions, record, index)}
            {expandableHere && (
              <Button
                type="link"
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  setOpen((s) => {
                    const next = new Set(s);
                    if (next.has(key)) next.delete(key);
                    else next.add(key);
                    return next;
                  });
                }}
              >
                {isOpen ? '收起' : '详情'}
              </Button>
            )}
          </div>
        )}
        {isOpen && expandable?.expandedRowRender && (
          <div className="sx-card-row-more">{expandable.expandedRowRender(record, index, 0, true)}</div>
        )}
      </>
    );
  };

  const title = props.title?.(rows);
  const footer = props.footer?.(rows);
  return (
    <div
      className="sx-card-list"
      // the list keeps the table's test id, so a page is found the same way at any width
      data-testid={(props as { 'data-testid'?: string })['data-testid'] ?? 'card-list'}
    >
      {title && <div className="sx-card-list-title">{title}</div>}
      <Spin spinning={spinning}>
        {shown.length === 0 ? (
          ((typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText) ?? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
          ))
        ) : (
          <ul className="sx-card-rows">
            {shown.map((record, i) => {
              const index = serverSide || !paging ? i : (current - 1) * size + i;
              const rowProps = onRow?.(record, index) ?? {};
              const tap = rowProps.onClick ?? rowProps.onDoubleClick;
              return (
                <li
                  key={rowKeyOf(rowKey, record, index)}
                  className="sx-card-row"
                  data-testid="card-row"
                  style={rowProps.style}
                  {...(tap
                    ? {
                        // A double click opens the record on a computer; a tap does on a phone.
                        onClick: tap as unknown as MouseEventHandler<HTMLLIElement>,
                        onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => {
                          if (e.key === 'Enter') (tap as unknown as (ev: unknown) => void)(e);
                        },
                        tabIndex: 0,
                      }
                    : {})}
                >
                  {cardOf(record, index)}
                </li>
              );
            })}
          </ul>
        )}
      </Spin>
      {paging && total > size && (
        <Pagination
          className="sx-card-list-pages"
          simple
          current={current}
          pageSize={size}
          total={total}
          onChange={changePage}
        />
      )}
      {!(paging && total > size) && paging?.showTotal && total > 0 && (
        <div className="sx-card-list-total">{paging.showTotal(total, [1, total])}</div>
      )}
      {footer && <div className="sx-card-list-title">{footer}</div>}
    </div>
  );
}
