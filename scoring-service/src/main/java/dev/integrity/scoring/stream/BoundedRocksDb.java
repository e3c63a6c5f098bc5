package dev.integrity.scoring.stream;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of the feature store's RocksDB instances (one per store and partition):
 * every instance shares one block cache and charges its write buffers to it, so the whole process
 * uses about {@link #CACHE_BYTES} off-heap for the stores however many partitions it owns, instead
 * of RocksDB's default of tens of megabytes per instance. The stores' hot data sits in Kafka
 * Streams' own record cache on the heap; RocksDB's cache holds index blocks and recent reads.
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    /** Block cache and write buffers of all the process's stores together. */
    static final long CACHE_BYTES = 24L * 1024 * 1024;
    /** Of which the memtables may take. */
    static final long WRITE_BUFFER_BYTES = 8L * 1024 * 1024;

    // Shared by every store instance of the process, and so never closed by one of them.
    private static final Cache CACHE = new LRUCache(CACHE_BYTES, -1, false, 0.2);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(WRITE_BUFFER_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(2L * 1024 * 1024);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared: nothing of this store's own to close.
    }
}
