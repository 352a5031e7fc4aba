import { Banner, List } from "@shopify/polaris";

/** What a page did not understand in its URL (a filter, a period, a page number) and did instead. */
export function LinkNotices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <Banner tone="warning" title="Part of this link was not understood">
      <List>
        {notices.map((notice) => (
          <List.Item key={notice}>{notice}</List.Item>
        ))}
      </List>
    </Banner>
  );
}
