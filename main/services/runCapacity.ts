// How many runs this machine trains at once, and in how much memory together.
import { availableParallelism, totalmem } from 'node:os';
import type { RunRequest } from '../../shared/api/backendApi';
import { inferGraph } from '../../shared/graph/inferGraph';
import { estimateMemory } from '../training/estimateMemory';

const MB = 1024 * 1024;

/** Memory a run takes at the least (Node, tfjs, a backend, a data set), MB: caps runs per GB. */
const MIN_RUN_MB = 1024;

/**
 * Runs that may train at once: one per core (each run keeps a core busy; more only slow every run
 * down) and one per GB of memory, at least one.
 */
export function defaultMaxRunning(
  cores = availableParallelism(),
  totalMB = totalmem() / MB,
): number {
  return Math.max(1, Math.min(cores, Math.floor(totalMB / MIN_RUN_MB)));
}

/**
 * Wasm threads for a run that starts while `running` runs train (itself included): the cores
 * shared out evenly, at least one each. A run keeps its threads when others finish after it started.
 */
export function shareOfCores(cores: number, running: number): number {
  return Math.max(1, Math.floor(cores / Math.max(1, running)));
}

/** Memory all runs may train in together, MB: three quarters of the machine, the rest for the system and the app. */
export function defaultMemoryBudgetMB(totalMB = totalmem() / MB): number {
  return Math.floor(totalMB * 0.75);
}

/**
 * A run's memory as the host can tell before its process starts, from the network and settings
 * alone (its data set is counted once the process reports its own estimate).
 */
export function requestMemoryMB(request: RunRequest): number {
  return Math.ceil(estimateMemory(inferGraph(request.graph), request.settings).totalMB);
}
