package org.dodam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** How a paged list reads its page and order from the address and from PrimeFaces' sorted column. */
class PagedListTest {

    enum Order {
        NAME,
        NAME_DESC,
        SIZE,
        SIZE_DESC
    }

    static final Map<String, List<Order>> COLUMNS = Map.of(
            "name", List.of(Order.NAME, Order.NAME_DESC),
            "size", List.of(Order.SIZE, Order.SIZE_DESC));

    @Test
    void anOrderTravelsInTheAddressByItsLowerCaseName() {
        assertThat(PagedList.param(Order.SIZE_DESC)).isEqualTo("size-desc");
        assertThat(PagedList.parse(Order.class, "size-desc", Order.NAME)).isEqualTo(Order.SIZE_DESC);
        for (String other : new String[] {null, "", "SIZE_DESC", "size_desc", "size-desc ", "sideways"}) {
            assertThat(PagedList.parse(Order.class, other, Order.NAME))
                    .as(other)
                    .isEqualTo(Order.NAME);
        }
    }

    @Test
    void theColumnPrimeFacesSortsByChoosesTheOrderAndOtherwiseTheAddresssDoes() {
        assertThat(PagedList.order(sortBy("name", SortOrder.DESCENDING), COLUMNS, Order.SIZE))
                .isEqualTo(Order.NAME_DESC);
        assertThat(PagedList.order(sortBy("size", SortOrder.ASCENDING), COLUMNS, Order.NAME))
                .isEqualTo(Order.SIZE);
        assertThat(PagedList.order(sortBy("size", SortOrder.UNSORTED), COLUMNS, Order.NAME_DESC))
                .isEqualTo(Order.NAME_DESC);
        assertThat(PagedList.order(sortBy("password", SortOrder.ASCENDING), COLUMNS, Order.NAME))
                .as("no such column")
                .isEqualTo(Order.NAME);
        assertThat(PagedList.order(Map.of(), COLUMNS, Order.SIZE_DESC)).isEqualTo(Order.SIZE_DESC);
    }

    @Test
    void thePageComesFromTheAddressNeverPastTheLastAndTheListIsCountedOnce() {
        int[] counted = {0};
        PagedList<String> list =
                new PagedList<>("3", 10, () -> ++counted[0] > 0 ? 25 : 0, (first, size, sortBy) -> List.of());
        assertThat(list.getPage()).isEqualTo(3);
        assertThat(list.getFirst()).isEqualTo(20);
        assertThat(list.getPageCount()).isEqualTo(3);
        assertThat(new PagedList<String>("9", 10, () -> 25, (first, size, sortBy) -> List.of()).getPage())
                .isEqualTo(3);
        for (String other : new String[] {null, "", "0", "-2", "two", "1234567"}) {
            assertThat(new PagedList<String>(other, 10, () -> 25, (first, size, sortBy) -> List.of()).getPage())
                    .as(other)
                    .isEqualTo(1);
        }
        assertThat(counted[0]).isEqualTo(1);
    }

    private static Map<String, SortMeta> sortBy(String field, SortOrder order) {
        Map<String, SortMeta> sortBy = new LinkedHashMap<>();
        sortBy.put(field, SortMeta.builder().field(field).order(order).build());
        return sortBy;
    }
}
