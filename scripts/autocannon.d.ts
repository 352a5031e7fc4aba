// The part of autocannon's API the webhook benchmark uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { p50: number; p90: number; p99: number; max: number; average: number };
  type Result = { requests: Histogram & { total: number }; latency: Histogram; duration: number; non2xx: number; errors: number };
  type Options = {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    requests?: { setupRequest?: (request: Record<string, unknown>) => Record<string, unknown> }[];
  };
  export default function autocannon(options: Options): Promise<Result>;
}
