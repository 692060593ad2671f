import { createContext, useContext } from 'react';
import type { GraphReport, NodeReport } from '../../shared/graph/inferGraph';
import type { LayerNode } from '../../shared/graph/types';
import type { WireFacts } from './canvasElements';
import { reportSignature } from './blockFacts';

interface Stable {
  readonly report: GraphReport;
  readonly nodes: ReadonlyMap<string, NodeReport>;
  readonly signatures: ReadonlyMap<string, string>;
}
let last: Stable | undefined;

/**
 * Each block's report, keeping the object of the previous report for every block whose shown
 * facts (`reportSignature`) did not change: every edit re-infers all reports, but a block whose
 * text is the same gets the same object and does not render again. `prev` defaults to the last
 * result (one canvas per window).
 */
export function stableReports(report: GraphReport, prev: Stable | undefined = last): Stable {
  if (prev?.report === report) return prev;
  const nodes = new Map<string, NodeReport>();
  const signatures = new Map<string, string>();
  for (const [id, r] of report.nodes) {
    const signature = reportSignature(r);
    const old = prev?.nodes.get(id);
    nodes.set(id, old && prev?.signatures.get(id) === signature ? old : r);
    signatures.set(id, signature);
  }
  last = { report, nodes, signatures };
  return last;
}

const BlockReports = createContext<ReadonlyMap<string, NodeReport>>(new Map());
const TotalParams = createContext(0);
const BlockLayers = createContext<ReadonlyMap<string, LayerNode>>(new Map());

/**
 * Hands the blocks their layers as edited (by id). React Flow's node keeps the layer it was made
 * with while the block's class and name are the same, so a keystroke in a setting hands React Flow
 * no new node (no re-processing of 300 nodes, no minimap redraw): the block reads its settings here.
 */
export const BlockLayersProvider = BlockLayers.Provider;

/** A block's layer as edited, up to the last keystroke. */
export function useBlockLayer(id: string): LayerNode | undefined {
  return useContext(BlockLayers).get(id);
}

/**
 * Hands the blocks below it their reports: `stableReports(report).nodes` of the report the canvas
 * shows (a deferred one, so the blocks follow an edit in slices the browser can paint between).
 */
export const BlockReportsProvider = BlockReports.Provider;

/**
 * A block's shapes, count and issues, read by the block itself: React Flow's node objects do not
 * carry them, so an edit that changes the shapes of 300 blocks hands React Flow no new nodes (no
 * re-processing, no minimap redraw), and only the blocks on screen whose text changed render.
 */
export function useBlockReport(id: string): NodeReport | undefined {
  return useContext(BlockReports).get(id);
}

/** Hands the blocks the network's parameter total, for the bar of each block's share of it. */
export const TotalParamsProvider = TotalParams.Provider;

/** The network's parameter total (0 while unknown). */
export function useTotalParams(): number {
  return useContext(TotalParams);
}

const Wires = createContext<ReadonlyMap<string, WireFacts>>(new Map());

/**
 * Hands the wires their shape labels and problems (`allWireFacts` of the report the blocks show).
 * React Flow's edge objects carry them too, but those are handed over only when the browser is
 * idle: each new edge array makes React Flow rebuild its index of all 300 wires.
 */
export const WireFactsProvider = Wires.Provider;

/** A wire's label and problem as the blocks around it show them. */
export function useWireFacts(id: string): WireFacts | undefined {
  return useContext(Wires).get(id);
}
