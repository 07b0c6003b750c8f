"""Django's Redis cache backend, with one ``redis.Redis`` client per connection pool instead of a
new one for every operation.

Django's ``RedisCacheClient.get_client()`` builds a ``redis.Redis`` on each call, and redis-py
8 fills a case-insensitive table of about 340 response callbacks in every constructor: that
cost as much as the Redis round trip itself (profiled on a response-cache hit, which made two
such calls). A ``redis.Redis`` client with a connection pool holds no connection of its own and
may be shared (each command borrows a connection from the pool, which resets itself in a forked
process), so keeping one per pool changes nothing but the cost. Django keeps one cache backend
object per thread, so the client is not even shared between threads.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:  # as Django's _get_connection_pool(), for this index
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
