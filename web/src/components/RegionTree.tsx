import { Empty, Spin, Tree } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { regionsApi } from '../api/regions';
import type { Region } from '../api/types';

interface Node extends DataNode {
  key: string;
  children?: Node[];
}

const toNode = (r: Region): Node => ({
  key: r.code,
  title: r.name,
  isLeaf: r.level >= 5 || r.childCount === 0,
});

function attach(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children } : n.children ? { ...n, children: attach(n.children, key, children) } : n,
  );
}

/**
 * The region tree from the user's scope down (SPEC §3), loaded one level at a time from /api/regions/:code/children.
 * Selecting a node filters by that region; selecting it again clears the filter back to the whole scope.
 */
export function RegionTree({
  rootCode,
  selected,
  onSelect,
}: {
  rootCode: string;
  selected: string | undefined;
  onSelect: (code: string | undefined) => void;
}) {
  const [tree, setTree] = useState<Node[] | undefined>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    regionsApi
      .children(rootCode)
      .then(({ region, children }) => {
        if (!live) return;
        const root = toNode({ ...region, childCount: children.length });
        setTree([{ ...root, children: children.map(toNode) }]);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [rootCode]);

  const loadData = async (node: EventDataNode<Node>) => {
    if (node.children || node.isLeaf) return;
    const { children } = await regionsApi.children(String(node.key));
    setTree((t) => (t ? attach(t, String(node.key), children.map(toNode)) : t));
  };

  if (error) return <Empty description={error} />;
  if (!tree) return <Spin />;
  return (
    <Tree<Node>
      treeData={tree}
      loadData={loadData}
      defaultExpandedKeys={[rootCode]}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => onSelect(keys.length ? String(keys[0]) : undefined)}
      blockNode
    />
  );
}
