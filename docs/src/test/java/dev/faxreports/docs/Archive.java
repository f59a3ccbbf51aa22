package dev.faxreports.docs;

import dev.faxreports.model.FaxReport;
import java.util.ArrayList;
import java.util.List;

/** Stands for the user's own storage in the examples. */
final class Archive {
  final List<FaxReport> stored = new ArrayList<>();

  void store(List<FaxReport> reports) {
    stored.addAll(reports);
  }
}
