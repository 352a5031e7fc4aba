// Search and filters for the Orders list. The URL holds their state: every change navigates,
// so a filtered list can be shared, reloaded and left with the back button.
import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import { ChoiceList, IndexFilters, IndexFiltersMode, useSetIndexFiltersMode } from "@shopify/polaris";
import {
  FILTER_CHOICES,
  FULFILLMENT_FILTERS,
  LIST_PARAMS,
  PAYMENT_FILTERS,
  hasSearchOrFilters,
  parseOrderListQuery,
  withListChange,
  withoutSearchOrFilters,
} from "~/orders/order-filters";

type Change = Parameters<typeof withListChange>[1];

const SEARCH_DELAY_MS = 350;
const TABS = [{ id: "all-orders", content: "All orders" }];

export function OrderFiltersBar({ loading }: { loading: boolean }) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  // While the list loads, the filters already show what was chosen.
  const shownParams = navigation.location?.pathname === pathname ? new URLSearchParams(navigation.location.search) : searchParams;
  const { query } = parseOrderListQuery(shownParams);
  const { mode, setMode } = useSetIndexFiltersMode(hasSearchOrFilters(query) ? IndexFiltersMode.Filtering : IndexFiltersMode.Default);

  const go = (next: URLSearchParams, replace = false) => navigate(`${pathname}?${next.toString()}`, { replace, preventScrollReset: true });
  const apply = (change: Change) => go(withListChange(shownParams, change));

  // The search box types freely; the URL follows once typing pauses. The first search adds a
  // history entry (back returns to the whole list), refinements of it replace that entry.
  const urlSearch = searchParams.get(LIST_PARAMS.search) ?? "";
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
      navigate(`${pathname}?${withListChange(searchParams, { search: wanted }).toString()}`, { replace: refining, preventScrollReset: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, searchParams, pathname, navigate]);

  const yesNo = (value: boolean | null) => (value === null ? [] : [value ? "yes" : "no"]);
  const filters = [
    {
      key: "fulfillment",
      label: "Fulfillment status",
      pinned: true,
      filter: (
        <ChoiceList
          title="Fulfillment status"
          titleHidden
          allowMultiple
          choices={FULFILLMENT_FILTERS.map((value) => ({ value, label: FILTER_CHOICES.fulfillment[value] }))}
          selected={query.fulfillment}
          onChange={(selected) => apply({ fulfillment: selected })}
        />
      ),
    },
    {
      key: "payment",
      label: "Payment status",
      pinned: true,
      filter: (
        <ChoiceList
          title="Payment status"
          titleHidden
          allowMultiple
          choices={PAYMENT_FILTERS.map((value) => ({ value, label: FILTER_CHOICES.payment[value] }))}
          selected={query.payment}
          onChange={(selected) => apply({ payment: selected })}
        />
      ),
    },
    {
      key: "cancelled",
      label: "Cancelled",
      filter: (
        <ChoiceList
          title="Cancelled"
          titleHidden
          choices={[
            { value: "yes", label: FILTER_CHOICES.cancelled.yes },
            { value: "no", label: FILTER_CHOICES.cancelled.no },
          ]}
          selected={yesNo(query.cancelled)}
          onChange={(selected) => apply({ cancelled: selected })}
        />
      ),
    },
    {
      key: "cashOnDelivery",
      label: "Cash on delivery",
      filter: (
        <ChoiceList
          title="Cash on delivery"
          titleHidden
          choices={[
            { value: "yes", label: FILTER_CHOICES.cashOnDelivery.yes },
            { value: "no", label: FILTER_CHOICES.cashOnDelivery.no },
          ]}
          selected={yesNo(query.cashOnDelivery)}
          onChange={(selected) => apply({ cashOnDelivery: selected })}
        />
      ),
    },
  ];

  const applied = [
    ...(query.fulfillment.length > 0
      ? [{ key: "fulfillment", label: `Fulfillment: ${query.fulfillment.map((value) => FILTER_CHOICES.fulfillment[value]).join(", ")}` }]
      : []),
    ...(query.payment.length > 0 ? [{ key: "payment", label: `Payment: ${query.payment.map((value) => FILTER_CHOICES.payment[value]).join(", ")}` }] : []),
    ...(query.cancelled !== null ? [{ key: "cancelled", label: FILTER_CHOICES.cancelled[query.cancelled ? "yes" : "no"] }] : []),
    ...(query.cashOnDelivery !== null ? [{ key: "cashOnDelivery", label: FILTER_CHOICES.cashOnDelivery[query.cashOnDelivery ? "yes" : "no"] }] : []),
  ].map((filter) => ({ ...filter, onRemove: () => apply({ [filter.key]: null }) }));

  const clearAll = () => {
    lastSearch.current = "";
    setSearchText("");
    go(withoutSearchOrFilters(shownParams));
  };

  return (
    <IndexFilters
      tabs={TABS}
      selected={0}
      canCreateNewView={false}
      queryValue={searchText}
      queryPlaceholder="Search by order number (1042 or #1042) or customer id"
      onQueryChange={setSearchText}
      onQueryClear={() => setSearchText("")}
      filters={filters}
      appliedFilters={applied}
      onClearAll={clearAll}
      cancelAction={{ onAction: clearAll, disabled: false, loading: false }}
      mode={mode}
      setMode={setMode}
      loading={loading}
    />
  );
}
