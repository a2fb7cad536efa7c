// Order service: looking up an order's items for a request that can be
// cancelled.
//
// Expected findings:
//   ctx-broken-propagation at OrderLookup::items: fetchItems is called
//   without the request's token, so its defaulted token (never cancelled) is
//   used and a cancelled request keeps the inventory lookup running.
// OrderLookup::itemsCorrectly passes the token it received.

#include <cstdio>
#include <stop_token>
#include <string>
#include <vector>

namespace orders {

class Inventory {
public:
  std::vector<std::string> fetchItems(int order, std::stop_token stop = {}) {
    std::vector<std::string> items;
    for (int shelf = 0; shelf < 3 && !stop.stop_requested(); ++shelf)
      items.push_back("item " + std::to_string(order * 10 + shelf));
    return items;
  }
};

class OrderLookup {
public:
  explicit OrderLookup(Inventory &inv) : Inv(inv) {}

  std::size_t items(int order, std::stop_token request) {
    if (request.stop_requested())
      return 0;
    return Inv.fetchItems(order).size(); // leak: the chain stops here
  }

  std::size_t itemsCorrectly(int order, std::stop_token request) {
    return Inv.fetchItems(order, request).size();
  }

private:
  Inventory &Inv;
};

} // namespace orders

int main() {
  orders::Inventory inv;
  orders::OrderLookup lookup(inv);
  std::stop_token never; // main starts the chain: nothing to propagate
  std::printf("%zu %zu\n", lookup.items(1, never),
              lookup.itemsCorrectly(1, never));
}
