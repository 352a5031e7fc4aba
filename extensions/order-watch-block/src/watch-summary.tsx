/** @jsxImportSource preact */
// What the block shows, as a pure function of the order's watch metafield and the admin's
// language: the flags (label, status, reason, due time), the confirmation, and a link to the
// order in the app. No API calls here (OrderWatchBlock.tsx fetches), so tests can render it.
import { FLAG_TONES, appOrderHref, type Watch, type WatchFlag } from "./watch-value";

/** The part of shopify.i18n the block uses. */
export type BlockI18n = {
  translate: (key: string, options?: Record<string, string | number>) => string;
  formatDate: (date: Date) => string;
};

export type WatchSummaryProps = {
  /** The parsed metafield; null when the app has not looked at the order yet. */
  watch: Watch | null;
  orderGid: string;
  i18n: BlockI18n;
  /** The order could not be read (API error). */
  failed?: boolean;
};

export function WatchSummary({ watch, orderGid, i18n, failed = false }: WatchSummaryProps) {
  const { translate } = i18n;
  const href = appOrderHref(orderGid);
  const open = watch?.flags.filter((flag) => flag.status === "open").length ?? 0;
  const summary = failed || !watch ? translate("summary.unknown") : watch.flags.length === 0 ? translate("summary.none") : translate("summary.flags", { count: open });
  return (
    <s-admin-block heading={translate("heading")} collapsedSummary={summary}>
      <s-stack direction="block" gap="base">
        {failed ? (
          <s-text tone="critical">{translate("loadError")}</s-text>
        ) : !watch ? (
          <s-text>{translate("notEvaluated")}</s-text>
        ) : (
          <WatchDetails watch={watch} i18n={i18n} />
        )}
        {href ? <s-link href={href}>{translate("openInApp")}</s-link> : null}
      </s-stack>
    </s-admin-block>
  );
}

function WatchDetails({ watch, i18n }: { watch: Watch; i18n: BlockI18n }) {
  const { translate, formatDate } = i18n;
  const awaiting = !watch.confirmedAt && watch.flags.some((flag) => flag.kind === "unconfirmed");
  return (
    <s-stack direction="block" gap="base">
      {watch.confirmedAt ? (
        <s-text tone="success">{translate("confirmed", { date: formatDate(watch.confirmedAt) })}</s-text>
      ) : awaiting ? (
        <s-text tone="caution">{translate("awaitingConfirmation")}</s-text>
      ) : null}
      {watch.flags.length === 0 ? <s-text>{translate("noFlags")}</s-text> : watch.flags.map((flag) => <FlagRow key={flag.kind} flag={flag} i18n={i18n} />)}
      <s-text tone="neutral">{translate("evaluatedAt", { date: formatDate(watch.evaluatedAt) })}</s-text>
    </s-stack>
  );
}

function FlagRow({ flag, i18n }: { flag: WatchFlag; i18n: BlockI18n }) {
  const { translate, formatDate } = i18n;
  return (
    <s-stack direction="block" gap="small-200">
      <s-stack direction="inline" gap="small">
        <s-badge tone={flag.status === "open" ? FLAG_TONES[flag.kind] : "neutral"}>{translate(`flags.${flag.kind}`)}</s-badge>
        {flag.status === "open" ? null : <s-text tone="neutral">{translate(`status.${flag.status}`)}</s-text>}
      </s-stack>
      {flag.reason ? <s-text>{flag.reason}</s-text> : null}
      <s-text tone="neutral">{translate("due", { date: formatDate(flag.dueAt) })}</s-text>
    </s-stack>
  );
}
