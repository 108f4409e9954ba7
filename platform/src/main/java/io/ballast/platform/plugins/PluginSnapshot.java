package io.ballast.platform.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plugins and their offered extensions at one moment, immutable. The lifecycle publishes a
 * new snapshot after every change, and every lookup reads one snapshot, so it never sees a plugin
 * half-swapped.
 *
 * @param entries           every jar of the folder, by plugin id then jar name
 * @param extensionsByPoint the started plugins' extensions, by point, then by extension id
 */
record PluginSnapshot(List<PluginEntry> entries, Map<BallastExtensionPoint, Map<String, GuardedExtension>> extensionsByPoint) {

    static final PluginSnapshot EMPTY = of(List.of(), List.of());

    static PluginSnapshot of(Collection<LoadedPlugin> loaded, Collection<RefusedJar> refused) {
        List<PluginEntry> entries = new ArrayList<>();
        loaded.forEach(plugin -> entries.add(plugin.entry()));
        refused.forEach(jar -> entries.add(jar.entry()));
        entries.sort(Comparator.comparing(PluginEntry::id).thenComparing(PluginEntry::jar));
        Map<BallastExtensionPoint, Map<String, GuardedExtension>> byPoint = new EnumMap<>(BallastExtensionPoint.class);
        for (BallastExtensionPoint point : BallastExtensionPoint.values()) {
            byPoint.put(point, new TreeMap<>());
        }
        for (LoadedPlugin plugin : loaded) {
            for (GuardedExtension extension : plugin.extensions()) {
                byPoint.get(extension.describe().point()).put(extension.id(), extension);
            }
        }
        byPoint.replaceAll((point, extensions) -> Collections.unmodifiableMap(extensions));
        return new PluginSnapshot(List.copyOf(entries), Collections.unmodifiableMap(byPoint));
    }

    /** The extensions of a point, by id. */
    <T> List<T> extensions(BallastExtensionPoint point, Class<T> type) {
        return extensionsByPoint.get(point).values().stream().map(type::cast).toList();
    }

    <T> Optional<T> extension(BallastExtensionPoint point, Class<T> type, String id) {
        return Optional.ofNullable(extensionsByPoint.get(point).get(id)).map(type::cast);
    }

    List<PluginEntry> inState(PluginState state) {
        return entries.stream().filter(entry -> entry.state() == state).toList();
    }
}
