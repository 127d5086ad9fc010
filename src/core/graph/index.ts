/** Generic graph functions on vertex indices: small, pure, named for what they compute. */

export { adjacencyFromEdges, type Adjacency } from './adjacency';
export { blockCutTree, type BlockCutTree } from './block-cut-tree';
export { connectedComponents, reachableFrom } from './reachability';
export { isAncestor, nodesOnEveryPath, rootForest, treePath, type RootedForest, type TreeSeparation } from './rooted-forest';
export { buildCutIndex, verticesOnEveryPath, type CutIndex, type VertexSeparation } from './vertex-cuts';
export { directedCycles } from './directed-cycles';
