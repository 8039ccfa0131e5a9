package org.dodam.reports.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.web.PagedList;
import org.dodam.reports.application.CaseWork;
import org.dodam.reports.application.CaseWork.CaseRow;
import org.dodam.reports.application.InboxFilter;
import org.dodam.reports.application.InboxOrder;

/**
 * The counsellor's inbox, a page at a time: which cases ({@code ?show=closed}), in which order
 * ({@code ?sort=newest}) and which page ({@code ?page=2}) come from the address, so that the filter links and
 * the pager work without scripts; with scripts, PrimeFaces pages and sorts the same list by Ajax. Open cases,
 * urgent first, are the default. Request-scoped: everything it knows is in the address or the table's state.
 */
@Named
@RequestScoped
public class CaseInboxBacking {

    /** The columns PrimeFaces may sort by (their {@code field}), and what each direction means. */
    private static final Map<String, List<InboxOrder>> COLUMNS = Map.of(
            "received", List.of(InboxOrder.OLDEST, InboxOrder.NEWEST),
            "urgent", List.of(InboxOrder.URGENT_LAST, InboxOrder.PRIORITY));

    @Inject
    CaseWork caseWork;

    @Inject
    CurrentUser currentUser;

    private String page;
    private String sort;
    private String show;
    private PagedList<CaseRow> cases;

    public PagedList<CaseRow> getCases() {
        if (cases == null) {
            Actor counsellor = currentUser.requireActor();
            InboxFilter filter = getFilter();
            cases = new PagedList<>(
                    page,
                    () -> caseWork.inboxSize(counsellor, filter),
                    (first, size, sortBy) -> caseWork.inboxPage(
                            counsellor, filter, PagedList.order(sortBy, COLUMNS, getOrder()), first, size));
        }
        return cases;
    }

    /** The cases listed: the address's {@code show}, or the open ones. */
    public InboxFilter getFilter() {
        return PagedList.parse(InboxFilter.class, show, InboxFilter.OPEN);
    }

    /** The order of the address's {@code sort}, or urgent first. */
    public InboxOrder getOrder() {
        return PagedList.parse(InboxOrder.class, sort, InboxOrder.PRIORITY);
    }

    public List<InboxFilter> getFilters() {
        return List.of(InboxFilter.values());
    }

    public List<InboxOrder> getOrders() {
        return List.of(InboxOrder.values());
    }

    /** The address's filter and order, each as {@code name=value&} and left out when it is the default, for links. */
    public String query(InboxFilter filter, InboxOrder order) {
        StringBuilder query = new StringBuilder();
        if (filter != InboxFilter.OPEN) {
            query.append("show=").append(PagedList.param(filter)).append('&');
        }
        if (order != InboxOrder.PRIORITY) {
            query.append("sort=").append(PagedList.param(order)).append('&');
        }
        return query.toString();
    }

    /** This page's filter and order as {@link #query} writes them, for the pager's links. */
    public String getQuery() {
        return query(getFilter(), getOrder());
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show;
    }
}
