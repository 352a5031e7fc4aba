// Search and filters for the outbox. The URL holds their state (the parameter names
// app/messages/outbox-list.server.ts reads): every change navigates, so a filtered list can be
// shared, reloaded and left with the back button.
import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "@remix-run/react";
import { ChoiceList, IndexFilters, IndexFiltersMode, useSetIndexFiltersMode } from "@shopify/polaris";

type Filters = { statuses: string[]; types: string[]; search: string };
type Choice = { value: string; label: string };
type Change = Partial<Record<"status" | "type" | "q", string[] | string | null>>;

const SEARCH_DELAY_MS = 350;
const TABS = [{ id: "all-messages", content: "All messages" }];

/** The list's URL after a change of filters: back to the newest messages, other parameters kept. */
export function withChange(params: URLSearchParams, change: Change): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete("after");
  next.delete("before");
  for (const [key, value] of Object.entries(change)) {
    const text = Array.isArray(value) ? value.join(",") : (value ?? "");
    if (text === "") next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/** The list with every filter removed. */
export function clearedUrl(pathname: string, search: string): string {
  return `${pathname}?${withChange(new URLSearchParams(search), { status: null, type: null, q: null }).toString()}`;
}

export function OutboxFiltersBar({ filters, statusChoices, typeChoices, loading }: { filters: Filters; statusChoices: Choice[]; typeChoices: Choice[]; loading: boolean }) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const filtering = filters.statuses.length > 0 || filters.types.length > 0 || filters.search !== "";
  const { mode, setMode } = useSetIndexFiltersMode(filtering ? IndexFiltersMode.Filtering : IndexFiltersMode.Default);

  const go = (next: URLSearchParams, replace = false) => navigate(`${pathname}?${next.toString()}`, { replace, preventScrollReset: true });
  const apply = (change: Change) => go(withChange(searchParams, change));

  // The search box types freely; the URL follows once typing pauses.
  const urlSearch = searchParams.get("q") ?? "";
  const [searchText, setSearchText] = useState(urlSearch);
  const lastSearch = useRef(urlSearch);
  useEffect(() => {
    if (urlSearch === lastSearch.current) return;
    lastSearch.current = urlSearch;
    setSearchText(urlSearch);
  }, [urlSearch]);
  useEffect(() => {
    const wanted = searchText.trim();
    if (wanted === lastSearch.current.trim()) return;
    const timer = setTimeout(() => {
      const refining = lastSearch.current.trim() !== "" && wanted !== "";
      lastSearch.current = wanted;
      navigate(`${pathname}?${withChange(searchParams, { q: wanted }).toString()}`, { replace: refining, preventScrollReset: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, searchParams, pathname, navigate]);

  const labelOf = (choices: Choice[], value: string) => choices.find((choice) => choice.value === value)?.label ?? value;
  const filterControls = [
    {
      key: "status",
      label: "Status",
      pinned: true,
      filter: (
        <ChoiceList title="Status" titleHidden allowMultiple choices={statusChoices} selected={filters.statuses} onChange={(selected) => apply({ status: selected })} />
      ),
    },
    {
      key: "type",
      label: "Message",
      pinned: true,
      filter: <ChoiceList title="Message" titleHidden allowMultiple choices={typeChoices} selected={filters.types} onChange={(selected) => apply({ type: selected })} />,
    },
  ];
  const applied = [
    ...(filters.statuses.length > 0 ? [{ key: "status" as const, label: `Status: ${filters.statuses.map((value) => labelOf(statusChoices, value)).join(", ")}` }] : []),
    ...(filters.types.length > 0 ? [{ key: "type" as const, label: `Message: ${filters.types.map((value) => labelOf(typeChoices, value)).join(", ")}` }] : []),
  ].map((filter) => ({ ...filter, onRemove: () => apply({ [filter.key]: null }) }));

  const clearAll = () => {
    lastSearch.current = "";
    setSearchText("");
    go(withChange(searchParams, { status: null, type: null, q: null }));
  };

  return (
    <IndexFilters
      tabs={TABS}
      selected={0}
      canCreateNewView={false}
      queryValue={searchText}
      queryPlaceholder="Search by order (1042, #1042 or the Shopify order id)"
      onQueryChange={setSearchText}
      onQueryClear={() => setSearchText("")}
      filters={filterControls}
      appliedFilters={applied}
      onClearAll={clearAll}
      cancelAction={{ onAction: clearAll, disabled: false, loading: false }}
      mode={mode}
      setMode={setMode}
      loading={loading}
    />
  );
}
