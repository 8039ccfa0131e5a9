package org.dodam.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A list that grows with a school (the counsellor's inbox, the audit log), behind a PrimeFaces lazy
 * {@code p:dataTable}: the database counts it and cuts out the page shown, so a page costs the same for 20 rows
 * or 20,000. PrimeFaces pages and sorts it with Ajax; a person without scripts cannot use that paginator, so
 * the page to open on comes from the address ({@code ?page=3}, {@link #getFirst()} for the table's
 * {@code first}) and the {@code d:pager} tag writes plain links to the pages before and after it.
 *
 * <p>The count is taken once per list ({@link #getRowCount()} before the table renders, for an empty
 * list's message), however often PrimeFaces asks for it: a request-scoped page makes a list per request, a
 * view-scoped one a new list after each change it makes.
 *
 * <p>A list's orders are an enum whose names the address carries ({@link #param}, {@code ?sort=name-desc}), so
 * that plain links sort it too; {@link #order} turns the column PrimeFaces sorts by into one of them.
 */
public final class PagedList<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Rows on one page unless the list says otherwise: a phone's screen or two, and a fixed cost per page. */
    public static final int PAGE_SIZE = 20;

    /** Loads one page of the list in the given order, as PrimeFaces asks (field and direction of the column). */
    @FunctionalInterface
    public interface Pages<T> {
        List<T> load(int first, int size, Map<String, SortMeta> sortBy);
    }

    private final int page;
    private final int size;
    private final transient LongSupplier counter;
    private final transient Pages<T> pages;
    private Integer total;

    /** A list of {@link #PAGE_SIZE} rows to a page. */
    public PagedList(String page, LongSupplier counter, Pages<T> pages) {
        this(page, PAGE_SIZE, counter, pages);
    }

    /**
     * @param page the page the address names, from 1; anything else is the first page
     * @param size the rows of a page
     */
    public PagedList(String page, int size, LongSupplier counter, Pages<T> pages) {
        this.page = parse(page);
        this.size = size;
        this.counter = counter;
        this.pages = pages;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = Math.toIntExact(counter.getAsLong());
            setRowCount(total);
        }
        return total;
    }

    @Override
    public int getRowCount() {
        return count(Map.of());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return pages.load(first, Math.min(pageSize, size), sortBy);
    }

    @Override
    public String getRowKey(T row) {
        return null;
    }

    /** The page shown first, from 1, never past the last page. */
    public int getPage() {
        return Math.min(page, getPageCount());
    }

    public int getPageCount() {
        return Math.max(1, (getRowCount() + size - 1) / size);
    }

    /** The first row of the page the address names, for the table's {@code first}. */
    public int getFirst() {
        return (getPage() - 1) * size;
    }

    /** The rows of a page, for the table's {@code rows}. */
    public int getRows() {
        return size;
    }

    /** The name of a filter or order as the address carries it: {@code NAME_DESC} is {@code name-desc}. */
    public static String param(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value of that type the address names by {@link #param}, or {@code otherwise}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        return value == null
                ? otherwise
                : Stream.of(type.getEnumConstants())
                        .filter(e -> param(e).equals(value))
                        .findFirst()
                        .orElse(otherwise);
    }

    /**
     * The order of the column PrimeFaces sorts by, from the columns a list may be sorted by (their {@code field},
     * with the order for ascending first and descending second), or {@code otherwise} when it sorts by none.
     */
    public static <E extends Enum<E>> E order(Map<String, SortMeta> sortBy, Map<String, List<E>> columns, E otherwise) {
        return sortBy.values().stream()
                .filter(meta -> meta.getOrder() != SortOrder.UNSORTED && columns.containsKey(meta.getField()))
                .findFirst()
                .map(meta -> columns.get(meta.getField()).get(meta.getOrder() == SortOrder.ASCENDING ? 0 : 1))
                .orElse(otherwise);
    }

    private static int parse(String page) {
        if (page == null || page.isEmpty() || page.length() > 6 || !page.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(page));
    }
}
