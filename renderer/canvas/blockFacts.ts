import type { NodeReport } from '../../shared/graph/inferGraph';
import { formatShape } from '../../shared/layers/shapeUtils';

/**
 * What a block shows or explains from its report, as a string: equal strings mean nothing visible
 * changed, so the canvas can keep the block's node object (and the old report in it).
 * Input shapes count because the hover explanation shows them; fixes count whole because a click
 * applies the kept one.
 */
export function reportSignature(report: NodeReport | undefined): string {
  if (!report) return '';
  const inputs = report.inputShapes.map(formatShape).join('+');
  const params = report.params ? `${report.params.trainable}/${report.params.nonTrainable}` : '';
  const issues = report.issues
    .map((i) => `${i.severity}:${i.message}:${i.fix ? JSON.stringify(i.fix) : ''}`)
    .join('|');
  return `${inputs};${report.outputShape ? formatShape(report.outputShape) : '?'};${params};${issues}`;
}
