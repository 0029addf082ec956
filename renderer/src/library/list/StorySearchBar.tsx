import { useId, type ReactNode } from 'react';
import { SEARCH_SORTS, type SearchSort } from '../../../../shared/search/searchQuery.js';
import { STATUS_LABELS, STORY_STATUSES, type StoryStatus } from '../../../../shared/story.js';
import { FieldHint } from '../../ui/FieldHint.js';
import type { StoryFilters } from './useStorySearch.js';

const SORT_LABELS: Record<SearchSort, string> = { updated: 'Last edited', created: 'Created', headline: 'Headline A–Z' };
const ALL = '*';

interface StorySearchBarProps {
  filters: StoryFilters;
  /** The sections to filter by. */
  sections: readonly string[];
  onFilter: (patch: Partial<StoryFilters>) => void;
  /** Why the library's search failed, if it did. */
  error: string | null;
}

/** The search field over the story list, and the section, status and sort it filters and orders by. */
export function StorySearchBar({ filters, sections, onFilter, error }: StorySearchBarProps) {
  return (
    <div className="story-search">
      <input
        type="search"
        aria-label="Search stories"
        placeholder="Search stories"
        value={filters.query}
        onChange={(event) => onFilter({ query: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && filters.query) onFilter({ query: '' });
        }}
      />
      <div className="story-filters">
        <FilterSelect label="In section" value={filters.section ?? ALL} onChange={(value) => onFilter({ section: value === ALL ? null : value })}>
          <option value={ALL}>All</option>
          {sections.map((section) => (
            <option key={section} value={section}>
              {section}
            </option>
          ))}
          <option value="">No section</option>
        </FilterSelect>
        <FilterSelect label="With status" value={filters.status ?? ALL} onChange={(value) => onFilter({ status: value === ALL ? null : (value as StoryStatus) })}>
          <option value={ALL}>Any</option>
          {STORY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Sort by" value={filters.sort} onChange={(value) => onFilter({ sort: value as SearchSort })}>
          {SEARCH_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </FilterSelect>
      </div>
      <FieldHint error={error} />
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The options. */
  children: ReactNode;
}

function FilterSelect({ label, value, onChange, children }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="story-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
