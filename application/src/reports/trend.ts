/** Which way a measure moves over the period. */
export type TrendDirection = 'rising' | 'falling' | 'flat';

/** Which way is good for a measure; null when neither (e.g. records opened). */
export type Preferred = 'higher' | 'lower' | null;

/** The least-squares trend of a series. */
export interface Trend {
  /** Change per interval of the least-squares line through the buckets that have a value. */
  slope: number;
  direction: TrendDirection;
  /** True when the direction is the good one, false when it is the bad one, null when flat or neutral. */
  better: boolean | null;
}

/**
 * A trend is flat when the change its line predicts across the period is at most this share of
 * the series' mean absolute value: 0.05 means that moving by 5 % or less over the whole period
 * is not a trend. A series with fewer than two values is flat.
 */
export const FLAT_TREND_SHARE = 0.05;

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
};

/**
 * The trend of a series of bucket values (null: the bucket has no value and is skipped). The
 * slope is fitted by least squares with the bucket index as x, so it is "per interval".
 */
export function trendOf(values: readonly (number | null)[], preferred: Preferred): Trend {
  const points: [number, number][] = [];
  values.forEach((value, index) => {
    if (value !== null && Number.isFinite(value)) points.push([index, value]);
  });
  if (points.length < 2) return { slope: 0, direction: 'flat', better: null };
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const span = points[n - 1]![0] - points[0]![0];
  const meanAbs = points.reduce((sum, [, y]) => sum + Math.abs(y), 0) / n;
  const flat = Math.abs(slope) * span <= FLAT_TREND_SHARE * meanAbs + 1e-9;
  const direction: TrendDirection = flat ? 'flat' : slope > 0 ? 'rising' : 'falling';
  const better =
    direction === 'flat' || preferred === null ? null : (direction === 'rising') === (preferred === 'higher');
  return { slope: round(slope, 4), direction, better };
}
