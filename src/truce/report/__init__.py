"""What Truce publishes: console summaries now; situation reports and exports later."""
